package dev.vidgen.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The list handling every request record and its builder share. An optional list stays
 * {@code null} until something is set, so that only the fields set are sent; {@code null} items
 * are kept, for validation to report them with their index.
 */
public final class RequestLists {

    private RequestLists() {
    }

    /** An unmodifiable copy of {@code list} for a record component; {@code null} for {@code null}. */
    public static <T> List<T> frozen(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** A modifiable copy of {@code list} for a builder field; {@code null} for {@code null}. */
    public static <T> List<T> editable(List<? extends T> list) {
        return list == null ? null : new ArrayList<>(list);
    }

    /** {@code list} with {@code item} added, a new list when {@code list} is {@code null}; for a builder's adder. */
    public static <T> List<T> append(List<T> list, T item) {
        List<T> out = list == null ? new ArrayList<>() : list;
        out.add(item);
        return out;
    }
}
