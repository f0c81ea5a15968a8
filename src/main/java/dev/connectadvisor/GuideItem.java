package dev.connectadvisor;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every item of the source guide, with its stable ID and its section: the catalog that rules,
 * scenario tables and texts are checked against. The declaration order is the guide's order,
 * which sorts benefits, risks and alternatives. The words the advice shows for an item are rule
 * authors' data, in {@code rules/texts.csv}.
 */
public enum GuideItem {
    PRO_1(Section.PRO),
    PRO_2(Section.PRO),
    PRO_3(Section.PRO),
    PRO_4(Section.PRO),
    PRO_5(Section.PRO),
    PRO_6(Section.PRO),
    PRO_7(Section.PRO),

    CON_1(Section.CON),
    CON_2(Section.CON),
    CON_3(Section.CON),
    CON_4(Section.CON),
    CON_5(Section.CON),
    CON_6(Section.CON),
    CON_7(Section.CON),
    CON_8(Section.CON),

    TIP_1(Section.TIP),
    TIP_2(Section.TIP),
    TIP_3(Section.TIP),
    TIP_4(Section.TIP),
    TIP_5(Section.TIP),
    TIP_6(Section.TIP),
    TIP_7(Section.TIP),
    TIP_8(Section.TIP),

    AFTER_0(Section.AFTER),
    AFTER_1(Section.AFTER),
    AFTER_2(Section.AFTER),
    AFTER_3(Section.AFTER),
    AFTER_4(Section.AFTER),
    AFTER_5(Section.AFTER),
    AFTER_6(Section.AFTER),
    AFTER_7(Section.AFTER),
    AFTER_8(Section.AFTER),

    REJ_0(Section.REJ),
    REJ_1(Section.REJ),
    REJ_2(Section.REJ),
    REJ_3(Section.REJ),
    REJ_4(Section.REJ),
    REJ_5(Section.REJ),
    REJ_6(Section.REJ);

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
    private final String id;

    GuideItem(Section section) {
        this.section = section;
        this.id = name().replace('_', '-');
    }

    /** The stable ID, e.g. {@code TIP-5}. */
    public String id() {
        return id;
    }

    public Section section() {
        return section;
    }

    /** The item with this ID, if the guide has one. */
    public static Optional<GuideItem> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
