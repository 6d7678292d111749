package org.watchbrief.analysis.eval;

/**
 * Counts of paired (true positive), unpaired predicted (false positive) and unpaired labelled
 * (false negative) items, and the precision, recall and F1 they give. With nothing predicted,
 * precision is 1; with nothing labelled, recall is 1.
 */
public record Score(int truePositives, int falsePositives, int falseNegatives) {

    public Score {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 1 : (double) truePositives / predicted;
    }

    public double recall() {
        int labelled = truePositives + falseNegatives;
        return labelled == 0 ? 1 : (double) truePositives / labelled;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Score plus(Score other) {
        return new Score(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }
}
