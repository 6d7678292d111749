package org.watchbrief.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Writes N documents in the layouts Watchbrief reads, for benchmarks: written questions as
 * parallelparliament.co.uk and questions-statements.parliament.uk print them, GOV.UK press
 * releases and news stories, news articles as text and Markdown. Each is made from this class's
 * own templates and vocabulary (never from the shared corpus), with realistic lengths (mostly 1 to
 * 4 KB, a tail to about 15 KB), the four themes, sums of money (funding, fines, costs, a sum a year
 * for some years), dates in the forms people write them, and a share of off-topic documents (roads,
 * rail fares, animal welfare, farming, school meals, sport). Dates spread over ten years.
 *
 * <p>Deterministic: document {@code i} depends only on the seed and {@code i}, so the first 10,000
 * documents of a corpus of 1,000,000 are the corpus of 10,000. Every document is unique (a written
 * question carries its own UIN; every other document its own sums and dates).
 *
 * <p>Run: {@code java -cp ... org.watchbrief.benchmark.CorpusGenerator DIR COUNT [SEED]}.
 */
public final class CorpusGenerator {

    /** Written into a finished corpus folder; hidden, so intake does not read it. */
    static final String COMPLETE = ".complete";

    private static final LocalDate FIRST_DAY = LocalDate.of(2016, 11, 21);

    private static final int DAYS = 3652;

    private static final String[] DEPARTMENTS = { "Home Office", "Home Office", "Home Office",
            "Department for Science, Innovation and Technology", "Department for Culture, Media and Sport",
            "Ministry of Justice", "Department for Education", "Cabinet Office" };

    private static final String[] FIRST_NAMES = { "Alys", "Bernard", "Carys", "Declan", "Eleri", "Fergus", "Gwen",
            "Hamish", "Imogen", "Jasper", "Kerensa", "Lorcan", "Morwenna", "Niall", "Orla", "Piers", "Rhiannon",
            "Seren", "Tobias", "Una", "Wilf", "Yestin", "Zelda", "Ambrose", "Bryony", "Caspar" };

    private static final String[] LAST_NAMES = { "Ashworth", "Blackmore", "Carrow", "Dunmore", "Ellery", "Fairlie",
            "Garside", "Holloway", "Ingram", "Jessop", "Kilbride", "Lathom", "Merriman", "Norcott", "Ormerod",
            "Pennock", "Quarrie", "Redfern", "Sillitoe", "Thewlis", "Upjohn", "Varley", "Wetherall", "Yarrow" };

    private static final String[] ROLES = { "Minister of State (Home Office)",
            "Parliamentary Under-Secretary (Home Office)", "Minister for Safeguarding",
            "Parliamentary Under-Secretary of State (Department for Science, Innovation and Technology)",
            "Lords Minister (Home Office)", "Minister of State (Ministry of Justice)" };

    private static final String[] PLATFORMS = { "social media services", "messaging apps", "online gaming platforms",
            "video-sharing sites", "livestreaming apps", "search services", "file-hosting services",
            "dating apps" };

    private static final String[] BODIES = { "the National Crime Agency", "regional organised crime units",
            "police forces in England and Wales", "the Internet Watch Foundation", "Ofcom",
            "the Child Exploitation and Online Protection command", "the College of Policing",
            "children's charities", "the Lucy Faithfull Foundation", "the NSPCC", "local safeguarding partnerships",
            "the Crown Prosecution Service", "schools and colleges" };

    private static final String[] PROGRAMMES = { "a national undercover online team", "the Child Abuse Image Database",
            "a prevention campaign aimed at young men", "training for safeguarding leads in schools",
            "a helpline for people worried about their own thoughts", "specialist victim support services",
            "new tools to detect abuse material", "an intelligence unit on payments for livestreamed abuse",
            "research into offender pathways", "a pilot of age assurance technology",
            "a hash-matching service for smaller platforms", "a programme of covert online investigations" };

    private static final String[] SUBJECTS = { "Child Sexual Abuse", "Online Safety", "Internet",
            "Social Media", "Offences against Children", "Child Protection", "Sexual Offences", "Police",
            "Data Protection", "Cybercrime" };

    private static final String[] ASPECTS = { "Internet", "Grooming", "Livestreaming", "Databases", "Prosecutions",
            "Convictions", "Technology", "Encryption", "Reporting", "Victims", "Research", "Funding",
            "Children and Young People", "Regulation", "International Cooperation" };

    private static final String[][] THEME_SENTENCES = {
            // grooming
            { "Offenders increasingly groom children through {platform}, moving conversations to private channels "
                    + "within minutes.",
                    "The offence of sexual communication with a child has led to {count} prosecutions since it came "
                            + "into force.",
                    "Police recorded {count} offences of online grooming in the year to {month} {year}.",
                    "Groomers often pose as other young people and befriend children through shared interests.",
                    "Adults who contact children online with a sexual motive will be pursued by {body}.",
                    "Reports of sextortion, in which offenders coerce children into sending images and then demand "
                            + "money, rose sharply over the last year.",
                    "The guidance helps parents recognise the warning signs of grooming and what to do if they are "
                            + "worried.",
                    "{Body} reported that predatory behaviour towards children on {platform} is rising.",
                    "Young people told researchers that adults they did not know had contacted them through "
                            + "{platform}." },
            // livestreaming
            { "The livestreamed sexual abuse of children, often arranged from the UK and paid for online, remains a "
                    + "priority for {body}.",
                    "Offenders pay to watch the abuse of children broadcast live over webcams in other countries.",
                    "Detecting abuse in live video is difficult because little evidence is left once a stream ends.",
                    "{Body} is working with payment firms to identify pay-per-view abuse arranged online.",
                    "Companies should be able to flag live-streamed abuse in real time and stop the stream.",
                    "Some livestreaming apps allow strangers to send gifts to children who broadcast from their "
                            + "bedrooms.",
                    "The live streaming of child sexual abuse was named as an emerging threat in the strategy." },
            // data sharing
            { "Sharing data between {body} and industry helps to identify victims more quickly.",
                    "Hashes of known images held in the database are shared with technology companies so that the "
                            + "material can be blocked.",
                    "The arrangements comply with the Data Protection Act 2018 and have been agreed with the "
                            + "Information Commissioner's Office.",
                    "End-to-end encryption must not stop companies from detecting abuse or giving evidence to the "
                            + "police.",
                    "Closer cooperation between government, industry and law enforcement is needed to share "
                            + "intelligence on offenders.",
                    "Companies received {count} requests for data from UK police in the last year.",
                    "The partnership will share expertise and tools with smaller companies.",
                    "{Body} will exchange information on offenders with partners overseas through a new agreement.",
                    "Referrals from industry are checked against the database before they reach police forces." },
            // legislation
            { "The Online Safety Act places new duties of care on {platform} to protect children.",
                    "Ofcom, as the regulator, will publish codes of practice setting out what companies must do.",
                    "The Bill will be introduced in Parliament when parliamentary time allows.",
                    "The new law gives the regulator enforcement powers, including fines of up to 10 per cent of "
                            + "global turnover.",
                    "A consultation on the statutory guidance will open in {month} and run for twelve weeks.",
                    "The duties come into force once the codes have been approved by Parliament.",
                    "The Government will legislate to make the reporting of child sexual abuse mandatory for those "
                            + "working with children.",
                    "The white paper set out plans for a statutory duty of care enforced by an independent "
                            + "regulator." } };

    private static final String[] GENERAL = { "The Government is clear that keeping children safe online is a "
            + "priority.",
            "We continue to work closely with {body} and {body2}.",
            "Officials meet representatives of {platform} regularly to discuss what more can be done.",
            "The strategy sets out the actions the Government will take over the next three years.",
            "Progress will be reviewed and reported to Parliament each year.",
            "Further details will be published in due course.",
            "Figures for {year} will be published in {month}.",
            "The Department does not hold information in the form requested.",
            "Local authorities remain responsible for safeguarding arrangements in their areas.",
            "More than {count} officers have now been trained in the new approach.",
            "Every force has a named lead for the investigation of these offences.",
            "The evaluation found that the pilot had improved the speed of investigations.",
            "The Minister said the work would continue alongside international partners.",
            "A spokesperson said the organisation welcomed the announcement but wanted to see the detail." };

    private static final String[][] MONEY_SENTENCES = {
            { "The Home Office is investing £{millions}m in {programme} in {year}/{yy}.",
                    "Funding of £{millions} million has been awarded to {body} for {programme}.",
                    "The Government has committed up to £{thousands},000 to {programme}.",
                    "A £{millions}m programme, announced in {month} {year}, will pay for {programme}.",
                    "The fund is worth £{small}m a year for three years and will support {programme}.",
                    "This includes £{thousands},000 for {programme}.",
                    "Grants of between £{small}0,000 and £{thousands},000 will be awarded to successful bidders." },
            { "{Body} was fined £{small}.{digit}m by the regulator for failing to protect children.",
                    "The company faces a penalty of £{thousands},000 after the investigation.",
                    "Online abuse is estimated to cost public services £{small}.{digit}bn a year.",
                    "The scheme cost £{thousands},000 to run in its first year." } };

    private static final String[][] OFF_TOPIC = {
            { "Roads: Repairs and Maintenance", "Councils will receive £{millions}m to repair potholes on local "
                    + "roads in {year}/{yy}.",
                    "The Department for Transport allocates highway maintenance funding by formula.",
                    "Resurfacing work on the A{count} will begin in {month}.",
                    "Local highway authorities decide which roads to repair first." },
            { "Railways: Fares", "Regulated rail fares will rise by {digit} per cent from {month}.",
                    "Season ticket holders can claim compensation for delays of more than 15 minutes.",
                    "The railway timetable changes twice a year, in May and December.",
                    "Passenger numbers on the line have recovered to {count} journeys a week." },
            { "Animal Welfare: Dog Grooming", "Dog grooming salons would need a licence under the proposals.",
                    "Inspectors will check the standards of kennels and pet shops before licences are renewed.",
                    "The consultation on animal welfare licensing closes on {day} {month} {year}.",
                    "Owners of grooming businesses said the fees should be proportionate." },
            { "Agriculture: Subsidies", "Farmers will be paid for improving soil health and hedgerows.",
                    "The scheme opened to applications in {month} {year}.",
                    "Payments of £{thousands},000 were made to {count} farm businesses.",
                    "Rural payments are now made in two instalments each year." },
            { "Schools: Free School Meals", "Around {count} pupils are eligible for free school meals.",
                    "The holiday activities programme runs during the Easter, summer and Christmas holidays.",
                    "Schools receive a per-pupil payment for each eligible child.",
                    "The Department for Education keeps the eligibility threshold under review." },
            { "Football: Broadcasting", "The league's matches will be broadcast live on free-to-air television.",
                    "Clubs agreed a new distribution of broadcasting revenue worth £{millions}m.",
                    "Supporters' groups welcomed the plans for an independent football regulator.",
                    "Ticket prices for away fans will be capped for another {digit} seasons." } };

    private static final String[] MONTHS = { "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December" };

    private final long seed;

    private final double offTopicShare;

    public CorpusGenerator(long seed) {
        this(seed, 0.3);
    }

    /** @param offTopicShare the share of documents on no theme at all, 0 to 1 */
    public CorpusGenerator(long seed, double offTopicShare) {
        this.seed = seed;
        this.offTopicShare = offTopicShare;
    }

    /** One generated document: its file name, its text and whether it is on the subject. */
    public record Generated(String fileName, String text, LocalDate date, boolean onTopic) {
    }

    /** Document {@code i} of the corpus. */
    public Generated document(long i) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        LocalDate date = FIRST_DAY.plusDays(random.nextInt(DAYS));
        boolean onTopic = random.nextDouble() >= offTopicShare;
        Writer w = new Writer(random, date, onTopic);
        double kind = random.nextDouble();
        String prefix;
        String text;
        String extension = ".txt";
        if (kind < 0.45) {
            prefix = "wq";
            text = w.parallelParliament(i);
        }
        else if (kind < 0.65) {
            prefix = "pq";
            text = w.questionsStatements(i);
        }
        else if (kind < 0.80) {
            prefix = "gov";
            text = w.govUk();
        }
        else {
            prefix = "news";
            boolean markdown = random.nextBoolean();
            text = w.news(markdown);
            extension = markdown ? ".md" : ".txt";
        }
        return new Generated(String.format(Locale.ROOT, "%s-%07d%s", prefix, i, extension), text, date, onTopic);
    }

    /**
     * Writes documents {@code 0..count-1} into a folder, then a hidden marker; a folder that holds
     * the marker for this count and seed is left as it is.
     *
     * @return the bytes written, or of the corpus already there
     */
    public long write(Path folder, int count) {
        try {
            Path marker = folder.resolve(COMPLETE);
            String expected = count + " " + seed + " " + offTopicShare;
            if (Files.exists(marker) && Files.readString(marker).startsWith(expected)) {
                return Long.parseLong(Files.readString(marker).substring(expected.length()).strip());
            }
            Files.createDirectories(folder);
            // in parallel: document i depends on the seed and i alone, so the corpus is the same
            long bytes = LongStream.range(0, count).parallel().map(i -> {
                Generated document = document(i);
                byte[] content = document.text().getBytes(StandardCharsets.UTF_8);
                try {
                    Files.write(folder.resolve(document.fileName()), content);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException("cannot write " + document.fileName() + " into " + folder, ex);
                }
                return content.length;
            }).sum();
            Files.writeString(marker, expected + " " + bytes);
            return bytes;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write the corpus into " + folder, ex);
        }
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: CorpusGenerator DIR COUNT [SEED]");
            System.exit(2);
        }
        long start = System.nanoTime();
        int count = Integer.parseInt(args[1]);
        long bytes = new CorpusGenerator(args.length > 2 ? Long.parseLong(args[2]) : 1).write(Path.of(args[0]), count);
        System.out.printf(Locale.ROOT, "%,d documents, %,d bytes in %s (%.1f s)%n", count, bytes, args[0],
                (System.nanoTime() - start) / 1e9);
    }

    /** Writes one document's text. */
    private static final class Writer {

        private final SplittableRandom random;

        private final LocalDate date;

        private final boolean onTopic;

        private final int[] themes;

        private final String[] offTopic;

        Writer(SplittableRandom random, LocalDate date, boolean onTopic) {
            this.random = random;
            this.date = date;
            this.onTopic = onTopic;
            int first = random.nextInt(THEME_SENTENCES.length);
            this.themes = random.nextInt(3) == 0
                    ? new int[] { first, (first + 1 + random.nextInt(THEME_SENTENCES.length - 1)) % 4 }
                    : new int[] { first };
            this.offTopic = OFF_TOPIC[random.nextInt(OFF_TOPIC.length)];
        }

        /** parallelparliament.co.uk: title, asked on, Question to, question, Answered by, answer. */
        String parallelParliament(long i) {
            LocalDate asked = date.minusDays(3 + random.nextInt(20));
            String name = name();
            StringBuilder text = new StringBuilder();
            text.append(title()).append("\n\n");
            text.append("(asked on ").append(ordinalDate(asked)).append(") - View Source\n\n");
            text.append("Question to the ").append(pick(DEPARTMENTS)).append(":\n\n");
            text.append(question(i)).append("\n\n\n");
            text.append("Answered by\n").append(name).append(" Portrait\n").append(name).append('\n')
                .append(pick(ROLES)).append('\n');
            text.append("This question was answered on ").append(ordinalDate(date)).append("\n\n");
            paragraphs(text, answerParagraphs());
            return text.toString();
        }

        /** questions-statements.parliament.uk: title, Question for, UIN and tabled on, Answered on, answer. */
        String questionsStatements(long i) {
            LocalDate asked = date.minusDays(3 + random.nextInt(20));
            StringBuilder text = new StringBuilder("Skip to main content\n\n");
            text.append(title()).append("\n\n");
            text.append("Question for ").append(pick(DEPARTMENTS)).append("\n\n");
            text.append("UIN ").append(100_000 + i).append(", tabled on ").append(plainDate(asked)).append("\n\n");
            text.append(question(i)).append("\n\n");
            text.append("Answered on\n\n").append(plainDate(date)).append("\n\n");
            paragraphs(text, answerParagraphs());
            text.append("Answered by\n\n").append(name()).append('\n');
            return text.toString();
        }

        /** GOV.UK: format line, title, From, Published, body with a list. */
        String govUk() {
            StringBuilder text = new StringBuilder();
            text.append(random.nextBoolean() ? "Press release" : "News story").append("\n\n");
            text.append(headline()).append("\n\n");
            text.append("From: ").append(pick(DEPARTMENTS)).append('\n');
            text.append("Published ").append(plainDate(date)).append("\n\n");
            paragraphs(text, 3 + random.nextInt(4));
            text.append("Key points\n\n");
            for (int k = 0; k < 2 + random.nextInt(3); k++) {
                text.append("  • ").append(lowerFirst(stripStop(sentence()))).append('\n');
            }
            text.append('\n');
            paragraphs(text, 1 + random.nextInt(3));
            return text.toString();
        }

        /** A news article: headline, a date line, paragraphs with a quotation. */
        String news(boolean markdown) {
            StringBuilder text = new StringBuilder();
            text.append(markdown ? "# " : "").append(headline()).append("\n\n");
            text.append(markdown ? "*Published " + plainDate(date) + "*" : plainDate(date)).append("\n\n");
            paragraphs(text, 2 + random.nextInt(3));
            text.append(name()).append(" said: “").append(stripStop(sentence())).append(".”\n\n");
            paragraphs(text, 1 + random.nextInt(4));
            return text.toString();
        }

        private int answerParagraphs() {
            // mostly 2 to 5 paragraphs; one answer in twenty is long
            return random.nextInt(20) == 0 ? 12 + random.nextInt(30) : 2 + random.nextInt(4);
        }

        private void paragraphs(StringBuilder text, int count) {
            for (int p = 0; p < count; p++) {
                int sentences = 2 + random.nextInt(4);
                for (int s = 0; s < sentences; s++) {
                    text.append(s == 0 ? "" : " ").append(sentence());
                }
                text.append("\n\n");
            }
        }

        private String sentence() {
            double roll = random.nextDouble();
            if (onTopic) {
                // about one sum and two dates in an average document, as in the labelled corpus
                if (roll < 0.55) {
                    return fill(pick(THEME_SENTENCES[themes[random.nextInt(themes.length)]]));
                }
                if (roll < 0.61) {
                    return fill(pick(MONEY_SENTENCES[random.nextInt(5) == 0 ? 1 : 0]));
                }
                if (roll < 0.63) {
                    return datedSentence();
                }
                return fill(pick(GENERAL));
            }
            if (roll < 0.55) {
                return fill(offTopic[1 + random.nextInt(offTopic.length - 1)]);
            }
            if (roll < 0.58) {
                return datedSentence();
            }
            return fill(GENERAL[5 + random.nextInt(GENERAL.length - 5)]);
        }

        private String datedSentence() {
            LocalDate when = date.plusDays(random.nextInt(700) - 200);
            return switch (random.nextInt(5)) {
                case 0 -> "The next phase will begin on " + plainDate(when) + ".";
                case 1 -> "A report is expected by the end of " + when.getYear() + ".";
                case 2 -> "The Minister will meet " + pick(BODIES) + " in " + month(when) + " " + when.getYear() + ".";
                case 3 -> "Results of the pilot will be published in " + when.getYear() + "/"
                        + String.format(Locale.ROOT, "%02d", (when.getYear() + 1) % 100) + ".";
                default -> "The work started on " + ordinalDate(when) + " and will run for 18 months.";
            };
        }

        private String fill(String template) {
            StringBuilder out = new StringBuilder(template.length() + 40);
            int at = 0;
            while (at < template.length()) {
                int open = template.indexOf('{', at);
                if (open < 0) {
                    out.append(template, at, template.length());
                    break;
                }
                out.append(template, at, open);
                int close = template.indexOf('}', open);
                out.append(slot(template.substring(open + 1, close)));
                at = close + 1;
            }
            return out.toString();
        }

        private String slot(String name) {
            return switch (name) {
                case "platform" -> pick(PLATFORMS);
                case "body", "body2" -> pick(BODIES);
                case "Body" -> upperFirst(pick(BODIES));
                case "programme" -> pick(PROGRAMMES);
                case "count" -> Integer.toString(50 + random.nextInt(9_000));
                case "month" -> MONTHS[random.nextInt(12)];
                case "day" -> Integer.toString(1 + random.nextInt(28));
                case "year" -> Integer.toString(date.getYear() + random.nextInt(2));
                case "yy" -> String.format(Locale.ROOT, "%02d", (date.getYear() + 1) % 100);
                case "millions" -> random.nextInt(4) == 0 ? (1 + random.nextInt(40)) + "." + (1 + random.nextInt(9))
                        : Integer.toString(1 + random.nextInt(120));
                case "small" -> Integer.toString(1 + random.nextInt(9));
                case "thousands" -> Integer.toString(20 + random.nextInt(900));
                case "digit" -> Integer.toString(1 + random.nextInt(9));
                default -> throw new IllegalArgumentException("no slot " + name);
            };
        }

        private String title() {
            if (!onTopic) {
                return offTopic[0];
            }
            return pick(SUBJECTS) + ": " + pick(ASPECTS);
        }

        private String headline() {
            if (!onTopic) {
                return stripStop(fill(offTopic[1 + random.nextInt(offTopic.length - 1)]));
            }
            return switch (random.nextInt(4)) {
                case 0 -> "£" + (1 + random.nextInt(60)) + " million to tackle online child sexual abuse";
                case 1 -> "New measures to protect children from online grooming";
                case 2 -> upperFirst(pick(PROGRAMMES)) + " to target livestreamed abuse of children";
                default -> "Government sets out next steps on online safety for children";
            };
        }

        private String question(long i) {
            String topic = onTopic ? switch (themes[0]) {
                case 0 -> "prevent the online grooming of children on " + pick(PLATFORMS);
                case 1 -> "tackle the livestreaming of child sexual abuse";
                case 2 -> "improve the sharing of data on child sexual abuse between police and industry";
                default -> "bring forward legislation on online safety for children";
            } : "improve " + lowerFirst(offTopic[0].replace(":", " and"));
            return "To ask the Secretary of State for the Home Department, what steps she is taking to " + topic
                    + "; and if she will make a statement. (" + (100_000 + i) + ")";
        }

        private String name() {
            return pick(FIRST_NAMES) + " " + pick(LAST_NAMES);
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private static String ordinalDate(LocalDate date) {
            int day = date.getDayOfMonth();
            String suffix = day % 10 == 1 && day != 11 ? "st" : day % 10 == 2 && day != 12 ? "nd"
                    : day % 10 == 3 && day != 13 ? "rd" : "th";
            return day + suffix + " " + month(date) + " " + date.getYear();
        }

        private static String plainDate(LocalDate date) {
            return date.getDayOfMonth() + " " + month(date) + " " + date.getYear();
        }

        private static String month(LocalDate date) {
            return date.getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
        }

        private static String upperFirst(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }

        private static String lowerFirst(String text) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }

        private static String stripStop(String text) {
            return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        }
    }

    /** The names of the layouts generated, for reports. */
    static List<String> layouts() {
        return new ArrayList<>(List.of("parallelparliament written question (.txt)",
                "questions-statements written question (.txt)", "GOV.UK press release or news story (.txt)",
                "news article (.txt, .md)"));
    }
}
