package io.p2c2r.executors.ai.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IntentModelTest {
    private static List<Utterance> heldOut() {
        return Utterance.read(IntentModelTest.class.getResourceAsStream("heldout.tsv"), "heldout.tsv");
    }

    private static List<Utterance> training() {
        return Utterance.read(IntentModel.class.getResourceAsStream("intents.tsv"), "intents.tsv");
    }

    @Test
    void heldOutUtterances_areClassifiedAtLeastNinetyPercentRight() {
        IntentModel model = IntentModel.shipped();
        List<Utterance> test = heldOut();
        int right = 0;
        StringBuilder misses = new StringBuilder();
        for (Utterance u : test) {
            IntentModel.Prediction p = model.classify(u.text());
            if (p.intent() == u.intent()) {
                right++;
            } else {
                misses.append('\n').append(u.intent()).append(" -> ").append(p.intent()).append(": ").append(u.text());
            }
        }
        double accuracy = (double) right / test.size();
        assertTrue(accuracy >= 0.90, "accuracy " + accuracy + misses);
    }

    @Test
    void heldOutSet_coversEveryIntentAndSharesNoLineWithTraining() {
        Set<String> trained = training().stream().map(Utterance::text).collect(Collectors.toSet());
        Map<Intent, Integer> perIntent = new EnumMap<>(Intent.class);
        for (Utterance u : heldOut()) {
            assertFalse(trained.contains(u.text()), "held-out line is in the training set: " + u.text());
            perIntent.merge(u.intent(), 1, Integer::sum);
        }
        assertEquals(Intent.trained().length, perIntent.size());
        perIntent.forEach((i, n) -> assertTrue(n >= 8, i + " has only " + n + " held-out lines"));
    }

    @Test
    void trainingSet_hasAtLeastTwentyLinesPerIntent() {
        Map<Intent, Long> counts = training().stream().collect(Collectors.groupingBy(Utterance::intent, Collectors.counting()));
        for (Intent i : Intent.trained()) {
            assertTrue(counts.getOrDefault(i, 0L) >= 20, i + " has " + counts.get(i));
        }
    }

    @Test
    void gibberish_isUnknownWithLowConfidence() {
        IntentModel.Prediction p = IntentModel.shipped().classify("zxqv blorf");
        assertEquals(Intent.UNKNOWN, p.intent());
        assertTrue(p.confidence() < IntentModel.MIN_CONFIDENCE);
    }

    @Test
    void retraining_givesTheSameScores() {
        IntentModel again = IntentModel.train(training());
        for (Utterance u : heldOut()) {
            assertEquals(IntentModel.shipped().classify(u.text()), again.classify(u.text()));
        }
    }
}
