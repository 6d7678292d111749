package org.watchbrief.cli;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Dates on the command line: "2021-03-15", "15 March 2021", "today", "yesterday". */
class DateConverter implements ITypeConverter<LocalDate> {

    static final String ACCEPTED = "2021-03-15, 15 March 2021, today or yesterday";

    private static final DateTimeFormatter LONG = new DateTimeFormatterBuilder().parseCaseInsensitive()
        .appendPattern("d MMMM uuuu").toFormatter(Locale.UK);

    @Override
    public LocalDate convert(String value) {
        String text = value.strip();
        switch (text.toLowerCase(Locale.ROOT)) {
            case "today":
                return LocalDate.now();
            case "yesterday":
                return LocalDate.now().minusDays(1);
            default:
                break;
        }
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException notIso) {
            try {
                return LocalDate.parse(text, LONG);
            }
            catch (DateTimeParseException notLong) {
                throw new TypeConversionException("'" + value + "' is not a date; use " + ACCEPTED);
            }
        }
    }
}
