package dev.connectadvisor;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every item of the source guide (shared/guide/ITEMS.md), with its stable ID, its section and
 * a short paraphrase in our own words. Advice texts come from here; the declaration order is
 * the guide's order, which sorts benefits, risks and alternatives.
 */
public enum GuideItem {
    PRO_1(Section.PRO, "Asking to connect shows initiative, real interest and that you prepare."),
    PRO_2(Section.PRO, "Their profile shows their background, so you can foresee the questions they may ask."),
    PRO_3(Section.PRO, "A request can carry a short personal note: a direct line to them."),
    PRO_4(Section.PRO, "It grows your network, even if they accept only later."),
    PRO_5(Section.PRO, "Your name reaches them once more just before you meet."),
    PRO_6(Section.PRO, "Once you are connected, you stay on their mind after the interview."),
    PRO_7(Section.PRO, "Shared contacts, employers or groups on their profile give you things to talk about."),

    CON_1(Section.CON, "Without an existing relationship, an early request can feel pushy."),
    CON_2(Section.CON, "It can look like you want to befriend your way in instead of letting your record speak."),
    CON_3(Section.CON, "Some interviewers would rather not connect with candidates before a decision."),
    CON_4(Section.CON, "They get to see your whole profile before you meet."),
    CON_5(Section.CON, "A request they turned down makes the interview with them awkward."),
    CON_6(Section.CON, "A misspelled name in the request makes a poor first impression."),
    CON_7(Section.CON, "They may not see or accept a request before the interview."),
    CON_8(Section.CON, "A request sent more than a week ahead may be forgotten by the day you meet."),

    TIP_1(Section.TIP, "Send the request shortly before the interview: two or three days ahead at most, never weeks."),
    TIP_2(Section.TIP, "Write your own note instead of LinkedIn's default invitation text."),
    TIP_3(Section.TIP, "Keep the note short, polite and professional, and say you look forward to meeting them."),
    TIP_4(Section.TIP, "Spell their name correctly and double-check every detail."),
    TIP_5(Section.TIP, "You were told not to connect: respect that instruction."),
    TIP_6(Section.TIP, "Your referral contact could feel bypassed if you go to the interviewer directly."),
    TIP_7(Section.TIP, "Connect only with the people who interview you, not with others at the company."),
    TIP_8(Section.TIP, "Bring your own LinkedIn profile up to date before you reach out."),

    AFTER_0(Section.AFTER, "After the interview, a connection request is fine, whether or not you connected before."),
    AFTER_1(Section.AFTER, "Thank them for their time and consideration."),
    AFTER_2(Section.AFTER, "Say again why you want the role and why you fit it."),
    AFTER_3(Section.AFTER, "Mention something specific from your conversation."),
    AFTER_4(Section.AFTER, "Keep the note short, personal and thoughtful."),
    AFTER_5(Section.AFTER, "If they did not accept before, you may ask once more now that you have met, without pressure."),
    AFTER_6(Section.AFTER, "Follow up only once; do not keep writing if they do not answer."),
    AFTER_7(Section.AFTER, "Give it a few days after the interview before you follow up."),
    AFTER_8(Section.AFTER, "They seemed hesitant about connecting: let them make the first move."),

    REJ_0(Section.REJ, "They declined your request and then your application: do not send a second request."),
    REJ_1(Section.REJ, "Send a polite email that thanks them for their time instead."),
    REJ_2(Section.REJ, "Ask whether they would share feedback on why you were not selected."),
    REJ_3(Section.REJ, "Follow the company page and engage with its updates now and then, without connecting."),
    REJ_4(Section.REJ, "Stay positive and professional; the decision is not personal."),
    REJ_5(Section.REJ, "Keep networking and applying for other roles that interest you."),
    REJ_6(Section.REJ, "If your paths cross again later, connecting may make sense then.");

    /** The guide's sections, in its order. */
    public enum Section {
        PRO("Benefits of connecting before the interview"),
        CON("Downsides of connecting early"),
        TIP("Requesting a connection beforehand"),
        AFTER("Following up after the interview"),
        REJ("When the interviewer rejected you");

        private final String title;

        Section(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private static final Map<String, GuideItem> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(GuideItem::id, Function.identity()));

    private final Section section;
    private final String text;
    private final String id;

    GuideItem(Section section, String text) {
        this.section = section;
        this.text = text;
        this.id = name().replace('_', '-');
    }

    /** The stable ID, e.g. {@code TIP-5}. */
    public String id() {
        return id;
    }

    public Section section() {
        return section;
    }

    /** The item in our own words. */
    public String text() {
        return text;
    }

    /** The item with this ID, if the guide has one. */
    public static Optional<GuideItem> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
