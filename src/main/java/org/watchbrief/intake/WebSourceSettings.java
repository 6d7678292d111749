package org.watchbrief.intake;

import java.net.URI;
import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web sources' settings, {@code watchbrief.intake.sources.*}. All are off by default: a run
 * reaches the internet only when one is enabled.
 *
 * @param parliamentQuestions the UK Parliament Written Questions API
 * @param parliamentStatements the UK Parliament Written Statements API
 * @param govUk GOV.UK's search and content APIs
 */
public record WebSourceSettings(@DefaultValue Parliament parliamentQuestions,
        @DefaultValue Parliament parliamentStatements, @DefaultValue GovUk govUk) {

    /**
     * {@code watchbrief.intake.sources.parliament-questions.*} and {@code ...parliament-statements.*}.
     *
     * @param enabled whether runs read this source
     * @param baseUrl the API's address
     * @param answeringBodies the answering bodies' ids (1 is the Home Office); empty for all
     * @param house {@code Commons}, {@code Lords} or empty for both
     * @param searchTerm only items holding this term; empty for all
     * @param pageSize items per list request
     * @param firstHarvest how far back the first run reaches
     * @param overlap how far back from the last run's day each later run starts again, so that
     *     items dated late are not missed
     */
    public record Parliament(@DefaultValue("false") boolean enabled,
            @DefaultValue("https://questions-statements-api.parliament.uk") URI baseUrl,
            @DefaultValue("1") List<Integer> answeringBodies, String house, String searchTerm,
            @DefaultValue("50") int pageSize, @DefaultValue("P30D") Period firstHarvest,
            @DefaultValue("P2D") Period overlap) {

        public Parliament {
            answeringBodies = answeringBodies == null ? List.of() : List.copyOf(answeringBodies);
            requirePageSize(pageSize);
        }
    }

    /**
     * {@code watchbrief.intake.sources.gov-uk.*}.
     *
     * @param enabled whether runs read this source
     * @param baseUrl GOV.UK's address
     * @param organisations the publishing organisations' slugs ({@code home-office}); empty for all
     * @param documentTypes the content types wanted
     * @param pageSize results per search request
     * @param firstHarvest how far back the first run reaches
     * @param overlap how far back from the last run's day each later run starts again
     */
    public record GovUk(@DefaultValue("false") boolean enabled, @DefaultValue("https://www.gov.uk") URI baseUrl,
            @DefaultValue({ "home-office", "department-for-science-innovation-and-technology",
                    "ministry-of-justice" }) List<String> organisations,
            @DefaultValue({ "press_release", "news_story", "speech", "written_statement" }) List<String> documentTypes,
            @DefaultValue("100") int pageSize, @DefaultValue("P30D") Period firstHarvest,
            @DefaultValue("P2D") Period overlap) {

        public GovUk {
            organisations = organisations == null ? List.of() : List.copyOf(organisations);
            documentTypes = documentTypes == null ? List.of() : List.copyOf(documentTypes);
            requirePageSize(pageSize);
        }
    }

    private static void requirePageSize(int pageSize) {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("page-size must be between 1 and 1000: " + pageSize);
        }
    }
}
