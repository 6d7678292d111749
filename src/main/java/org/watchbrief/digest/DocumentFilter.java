package org.watchbrief.digest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.watchbrief.intake.DocumentType;
import org.watchbrief.store.StoredDocument;

/**
 * What a schedule's manager asked to see, on top of the window and the themes: documents from
 * some departments, from some sources, mentioning (or not mentioning) some words. Every part
 * that is not empty must match; an empty filter lets every document through.
 *
 * @param departments answering bodies or publishers (any of them), compared without regard to
 *        case, spacing, "&amp;" for "and" or a leading "the"; a document that names none is left out
 * @param sources document types ({@code written-question}, {@code press-release}, ...) or web
 *        domains ({@code gov.uk} also matches {@code www.gov.uk}); any of them
 * @param include words or phrases of which a document must mention at least one (its title,
 *        summary or text; whole words, any case)
 * @param exclude words or phrases none of which a document may mention
 */
public record DocumentFilter(List<String> departments, List<String> sources, List<String> include,
        List<String> exclude) {

    /** Lets every document through. */
    public static final DocumentFilter NONE = new DocumentFilter(List.of(), List.of(), List.of(), List.of());

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    public DocumentFilter {
        departments = List.copyOf(departments);
        sources = List.copyOf(sources);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public boolean isEmpty() {
        return departments.isEmpty() && sources.isEmpty() && include.isEmpty() && exclude.isEmpty();
    }

    /** The document type labels a {@code sources} entry may name. */
    public static List<String> documentTypes() {
        return java.util.Arrays.stream(DocumentType.values()).map(DocumentType::label).toList();
    }

    /** Whether a {@code sources} entry names a document type or a web domain; other values match nothing. */
    public static boolean isSource(String source) {
        return documentTypes().contains(source) || DOMAIN.matcher(source).matches();
    }

    /**
     * The documents that pass, in their order.
     *
     * @param texts the full text of documents by id; called once, and only when keywords are set
     */
    public List<StoredDocument> apply(List<StoredDocument> documents,
            Function<Collection<Long>, Map<Long, String>> texts) {
        if (isEmpty()) {
            return documents;
        }
        List<StoredDocument> kept = documents.stream().filter(this::matchesMetadata).toList();
        if (include.isEmpty() && exclude.isEmpty() || kept.isEmpty()) {
            return kept;
        }
        Map<Long, String> bodies = texts.apply(kept.stream().map(StoredDocument::id).toList());
        List<Pattern> wanted = include.stream().map(DocumentFilter::wordPattern).toList();
        List<Pattern> unwanted = exclude.stream().map(DocumentFilter::wordPattern).toList();
        List<StoredDocument> result = new ArrayList<>();
        for (StoredDocument document : kept) {
            String text = String.join("\n", nonNull(document.metadata().title()), nonNull(document.summary()),
                    nonNull(bodies.get(document.id())));
            if ((wanted.isEmpty() || wanted.stream().anyMatch(p -> p.matcher(text).find()))
                    && unwanted.stream().noneMatch(p -> p.matcher(text).find())) {
                result.add(document);
            }
        }
        return result;
    }

    private boolean matchesMetadata(StoredDocument document) {
        if (!departments.isEmpty()) {
            String department = document.metadata().department();
            if (department == null
                    || departments.stream().noneMatch(d -> normalisedDepartment(d).equals(normalisedDepartment(department)))) {
                return false;
            }
        }
        if (!sources.isEmpty()) {
            String type = document.metadata().type().label();
            String host = host(document.metadata().sourceUrl());
            return sources.stream()
                .anyMatch(s -> s.equals(type) || host != null && (host.equals(s) || host.endsWith("." + s)));
        }
        return true;
    }

    /** "The Home  Office" and "home office" are the same answering body; so are "&amp;" and "and". */
    static String normalisedDepartment(String department) {
        String text = department.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("\\s+", " ").strip();
        return text.startsWith("the ") ? text.substring(4) : text;
    }

    /** A word or phrase, whole words only, any case, any run of spaces or line breaks between its words. */
    static Pattern wordPattern(String keyword) {
        String phrase = String.join("\\s+",
                java.util.Arrays.stream(keyword.strip().split("\\s+")).map(Pattern::quote).toList());
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + phrase + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /**
     * For a reader: "from Home Office; sources written-question, gov.uk; mentioning encryption;
     * not mentioning football"; {@code null} when the filter is empty.
     */
    public String describe() {
        if (isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (!departments.isEmpty()) {
            parts.add("from " + String.join(" or ", departments));
        }
        if (!sources.isEmpty()) {
            parts.add("sources " + String.join(", ", sources));
        }
        if (!include.isEmpty()) {
            parts.add("mentioning " + String.join(" or ", include));
        }
        if (!exclude.isEmpty()) {
            parts.add("not mentioning " + String.join(" or ", exclude));
        }
        return String.join("; ", parts);
    }
}
