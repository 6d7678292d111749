package org.watchbrief.batch;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.watchbrief.analysis.Analyzer;
import org.watchbrief.analysis.Taxonomy;
import org.watchbrief.delivery.DeliveryProperties;
import org.watchbrief.intake.DocumentReader;
import org.watchbrief.intake.InboxSource;
import org.watchbrief.intake.Taxonomies;
import org.watchbrief.intake.TextExtractor;
import org.watchbrief.render.RenderProperties;
import org.watchbrief.schedule.ScheduleLoader;
import org.watchbrief.schedule.Schedules;
import org.watchbrief.store.KnownFileRepository;

/** The plain objects of the other rooms, as beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WatchbriefProperties.class, DeliveryProperties.class, RenderProperties.class,
        LockProperties.class })
class WatchbriefConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    Taxonomy taxonomy(WatchbriefProperties properties) {
        return Taxonomies.load(properties.themesFile());
    }

    @Bean
    DocumentReader documentReader(Taxonomy taxonomy, WatchbriefProperties properties) {
        return new DocumentReader(new TextExtractor(properties.intake().limits()), new Analyzer(taxonomy));
    }

    @Bean
    InboxSource inboxSource(WatchbriefProperties properties, KnownFileRepository knownFiles) {
        return new InboxSource(properties.inbox(), properties.intake().maxFileSize().toBytes(),
                properties.intake().settleTime()).withKnownFiles(knownFiles);
    }

    @Bean
    Schedules schedules(WatchbriefProperties properties, Taxonomy taxonomy) {
        return new Schedules(properties.schedulesDir(), new ScheduleLoader(java.util.Set.copyOf(taxonomy.keys())));
    }
}
