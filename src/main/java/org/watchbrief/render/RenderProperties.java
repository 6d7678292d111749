package org.watchbrief.render;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code watchbrief.render.*}: how digests look.
 *
 * @param templates the branding folder: {@code branding.yml}, a logo and an optional Word
 *     template ({@code digest.dotx}); when it is absent, digests carry Watchbrief's own look
 */
@ConfigurationProperties("watchbrief.render")
public record RenderProperties(@DefaultValue("reports/templates") Path templates) {
}
