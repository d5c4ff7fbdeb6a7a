package io.p2c2r.executors.ai.dialogue;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A multinomial naive Bayes intent classifier over {@link Features} (each feature counted once per
 * line), with Laplace smoothing. Training is counting, so the same utterances give the same model on
 * every machine. Immutable once built; safe from any thread.
 */
final class IntentModel {
    /** Below this confidence a line is {@link Intent#UNKNOWN}. */
    static final double MIN_CONFIDENCE = 0.30;
    private static final double ALPHA = 0.5;
    /** Softens the naive independence assumption's overconfidence before turning scores into a probability. */
    private static final double TEMPERATURE = 3.0;
    private static final String RESOURCE = "intents.tsv";

    /**
     * Work units per character of a line cut into words and letter pieces, relative to one distinct feature
     * scored (its likelihood looked up and added in every class); measured, docs/TASKS.md "Work and price".
     */
    static final long CHAR_UNITS = 2;

    /** The classification of one line, and its work: {@link #CHAR_UNITS} per character plus one per distinct feature. */
    record Prediction(Intent intent, double confidence, Intent best, long work) {
        /** An intent known without classifying anything. */
        static Prediction given(Intent intent) {
            return new Prediction(intent, 1.0, intent, 0);
        }
    }

    /** The most work classifying a line of {@code length} characters can count: at most 4n + 4 distinct features. */
    static long maxWork(int length) {
        return CHAR_UNITS * length + 4L * length + 4;
    }

    private final Intent[] classes = Intent.trained();
    private final double[] logPrior;
    /** Per feature, its log-likelihood in each class. */
    private final Map<String, double[]> logLikelihood;
    /** Per class, the log-likelihood of a feature seen in training but never with that class. */
    private final double[] logUnseen;

    private IntentModel(double[] logPrior, Map<String, double[]> logLikelihood, double[] logUnseen) {
        this.logPrior = logPrior;
        this.logLikelihood = logLikelihood;
        this.logUnseen = logUnseen;
    }

    /** The model trained on the utterances shipped in the jar, built once on first use. */
    static IntentModel shipped() {
        return Shipped.MODEL;
    }

    private static final class Shipped {
        static final IntentModel MODEL = train(Utterance.read(IntentModel.class.getResourceAsStream(RESOURCE),
                RESOURCE));
    }

    static IntentModel train(Collection<Utterance> data) {
        int k = Intent.trained().length;
        int[] docs = new int[k];
        double[] totals = new double[k];
        Map<String, double[]> counts = new HashMap<>();
        for (Utterance u : data) {
            int c = u.intent().ordinal();
            docs[c]++;
            for (String f : Features.of(u.text())) {
                counts.computeIfAbsent(f, x -> new double[k])[c]++;
                totals[c]++;
            }
        }
        int vocabulary = counts.size();
        double[] logPrior = new double[k];
        double[] logUnseen = new double[k];
        for (int c = 0; c < k; c++) {
            logPrior[c] = StrictMath.log((docs[c] + 1.0) / (data.size() + k));
            logUnseen[c] = StrictMath.log(ALPHA / (totals[c] + ALPHA * vocabulary));
        }
        Map<String, double[]> logLikelihood = new HashMap<>();
        counts.forEach((f, n) -> {
            double[] l = new double[k];
            for (int c = 0; c < k; c++) {
                l[c] = StrictMath.log((n[c] + ALPHA) / (totals[c] + ALPHA * vocabulary));
            }
            logLikelihood.put(f, l);
        });
        return new IntentModel(logPrior, Map.copyOf(logLikelihood), logUnseen);
    }

    Prediction classify(String text) {
        int k = classes.length;
        double[] score = logPrior.clone();
        int known = 0;
        Set<String> features = Features.of(text);
        for (String f : features) {
            double[] l = logLikelihood.get(f);
            if (l == null) {
                continue; // never seen in training: says nothing about any intent
            }
            known++;
            for (int c = 0; c < k; c++) {
                score[c] += l[c];
            }
        }
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (score[c] > score[best]) {
                best = c;
            }
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += StrictMath.exp((score[c] - score[best]) / TEMPERATURE);
        }
        double confidence = known == 0 ? 0 : 1 / sum;
        Intent top = classes[best];
        long work = CHAR_UNITS * text.length() + features.size();
        return new Prediction(confidence >= MIN_CONFIDENCE ? top : Intent.UNKNOWN, confidence, top, work);
    }

    List<Intent> classes() {
        return List.of(classes);
    }
}
