package dev.connectadvisor.internal.verify;

import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.situation.Field;
import dev.connectadvisor.internal.situation.SituationFields;
import java.util.List;
import java.util.function.Consumer;

/**
 * The whole input space that the exhaustive analysis walks: every combination of the values
 * each field declares for the walk ({@link Field#walk()}): both values of each boolean, every
 * priorRequest, followUpsSent 0..2, daysUntilInterview -30..30, and a note dimension (no note,
 * LinkedIn's stock text, a long draft that misspells the name) that together trigger every note
 * finding. The combinations the contract rejects (applicationRejected or a follow-up before the
 * interview) are counted and skipped.
 */
public final class SituationSpace {
    /** How many combinations were looked at, and how many of them the contract accepts. */
    public record Counts(long checked, long valid) {
        public long skipped() {
            return checked - valid;
        }
    }

    private SituationSpace() {
    }

    /** Calls {@code visit} with every valid situation of the declared fields, in a fixed order. */
    public static Counts walk(Consumer<Situation> visit) {
        return walk(SituationFields.ALL, visit, rejected -> { });
    }

    /** As {@link #walk(Consumer)}, telling {@code rejected} why each skipped combination was rejected. */
    public static Counts walk(Consumer<Situation> visit, Consumer<InvalidSituationException> rejected) {
        return walk(SituationFields.ALL, visit, rejected);
    }

    /**
     * Calls {@code visit} with every valid situation, in a fixed order: the first field varies
     * slowest, and the fields of one walk group vary together.
     */
    public static Counts walk(List<Field> fields, Consumer<Situation> visit, Consumer<InvalidSituationException> rejected) {
        // one dimension per walk group, in the order of each group's first field
        List<String> groups = fields.stream().map(Field::walkGroup).distinct().toList();
        int[] dimension = fields.stream().mapToInt(f -> groups.indexOf(f.walkGroup())).toArray();
        int[] sizes = new int[groups.size()];
        for (int i = 0; i < fields.size(); i++) {
            int size = fields.get(i).walk().size();
            if (sizes[dimension[i]] != 0 && sizes[dimension[i]] != size) {
                throw new IllegalStateException("the fields of walk group " + fields.get(i).walkGroup()
                        + " declare walks of different lengths");
            }
            sizes[dimension[i]] = size;
        }
        int[] at = new int[groups.size()];
        long checked = 0;
        long valid = 0;
        while (true) {
            checked++;
            Situation.Builder builder = Situation.builder();
            for (int i = 0; i < fields.size(); i++) {
                fields.get(i).setter().accept(builder, fields.get(i).walk().get(at[dimension[i]]));
            }
            Situation situation = null;
            try {
                situation = builder.build();
            } catch (InvalidSituationException e) {
                rejected.accept(e); // a contradiction the contract rejects: not a situation to advise on
            }
            if (situation != null) {
                valid++;
                visit.accept(situation);
            }
            int d = groups.size() - 1;
            while (d >= 0 && ++at[d] == sizes[d]) {
                at[d--] = 0;
            }
            if (d < 0) {
                return new Counts(checked, valid);
            }
        }
    }

    /** A situation in one line, with only the fields that differ from their defaults (and the day). */
    public static String describe(Situation s) {
        StringBuilder b = new StringBuilder("{");
        for (Field field : SituationFields.ALL) {
            if (field.isDefault(s) && !field.name().equals("daysUntilInterview")) {
                continue;
            }
            Object value = field.get(s);
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(field.name()).append(": ");
            if (value instanceof String text) {
                b.append('"').append(text.length() > 40 ? text.substring(0, 40) + "..." : text).append('"');
            } else {
                b.append(value);
            }
        }
        return b.append('}').toString();
    }
}
