package org.watchbrief.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrandingTests {

    @TempDir
    Path templates;

    @Test
    void aMissingBrandingFolderGivesWatchbriefsOwnLook() {
        // when
        Branding branding = Branding.load(templates.resolve("absent"));
        // then
        assertThat(branding).isEqualTo(Branding.defaults());
        assertThat(branding.logo()).isNull();
        assertThat(branding.wordTemplate()).isNull();
    }

    @Test
    void readsTheOrganisationColoursAndLogoFromTheFolder() throws Exception {
        // given
        Files.writeString(templates.resolve("branding.yml"), """
                organisation: Example Trust
                colours:
                  primary: "#006B3F"
                  accent: "#FFB81C"
                  palette: ["#111111", "#222222"]
                logo: brand/mark.jpg
                """);
        Files.createDirectories(templates.resolve("brand"));
        ImageIO.write(new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB), "jpg",
                templates.resolve("brand/mark.jpg").toFile());
        // when
        Branding branding = Branding.load(templates);
        // then
        assertThat(branding.organisation()).isEqualTo("Example Trust");
        assertThat(branding.primary()).isEqualTo(new Color(0x006B3F));
        assertThat(branding.accent()).isEqualTo(new Color(0xFFB81C));
        assertThat(branding.palette()).containsExactly(new Color(0x111111), new Color(0x222222));
        assertThat(branding.themeColour(2)).isEqualTo(new Color(0x111111));
        assertThat(branding.logoWidth()).isEqualTo(300);
        assertThat(branding.logoHeight()).isEqualTo(100);
    }

    @Test
    void namesTheFileAndTheFieldOfAColourItCannotRead() throws Exception {
        // given
        Files.writeString(templates.resolve("branding.yml"), "colours:\n  primary: navy\n");
        // when / then
        assertThatThrownBy(() -> Branding.load(templates)).isInstanceOf(Branding.BrandingException.class)
            .hasMessage(templates.resolve("branding.yml") + ": colours.primary must be a colour like \"#1D3D6B\" "
                    + "(in quotes), was navy");
    }

    @Test
    void refusesASettingItDoesNotKnowSoATypoIsNotSilentlyIgnored() throws Exception {
        // given
        Files.writeString(templates.resolve("branding.yml"), "organization: Example Trust\n");
        // when / then
        assertThatThrownBy(() -> Branding.load(templates)).isInstanceOf(Branding.BrandingException.class)
            .hasMessageContaining("branding.yml: organization is not a branding setting");
    }

    @Test
    void saysWhichLogoFileIsMissingOrNotAnImage() throws Exception {
        // given
        Files.writeString(templates.resolve("branding.yml"), "logo: crest.png\n");
        // when / then
        assertThatThrownBy(() -> Branding.load(templates)).hasMessageContaining("logo names")
            .hasMessageContaining("crest.png, which does not exist");
        // given
        Files.writeString(templates.resolve("crest.png"), "not a picture");
        // when / then
        assertThatThrownBy(() -> Branding.load(templates)).hasMessage(templates.resolve("crest.png")
                + ": logo is not a PNG or JPEG image");
    }

    @Test
    void theProjectsOwnBrandingFolderLoads() {
        // when
        Branding branding = Branding.load(Path.of("reports", "templates"));
        // then
        assertThat(branding.organisation()).isNotBlank();
    }
}
