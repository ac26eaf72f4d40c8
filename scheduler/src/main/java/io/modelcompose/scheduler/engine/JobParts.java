package io.modelcompose.scheduler.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dispatches of one attempt of a job that runs its action several times: {@code repeat_count} (all at once, same
 * input) or {@code for-each} (one per item, {@code batchSize} at a time, the next batch once the current one has
 * finished). Results are kept in item order.
 */
final class JobParts {
    final List<Object> items;
    final int batchSize;
    /** The input was a single value, not a list: the output is the one result, not a list. */
    final boolean single;
    private final Object[] results;
    private final boolean[] done;
    private int started;
    private int finished;

    JobParts(List<Object> items, int batchSize, boolean single) {
        this.items = new ArrayList<>(items);
        this.batchSize = Math.max(1, batchSize);
        this.single = single;
        this.results = new Object[items.size()];
        this.done = new boolean[items.size()];
    }

    /** The key a part's dispatch carries: the job key and the item index. */
    static String key(String jobKey, int index) {
        return jobKey + "[" + index + "]";
    }

    /** The item index of a part key of {@code jobKey}, or -1. */
    static int index(String jobKey, String partKey) {
        if (!partKey.startsWith(jobKey + "[") || !partKey.endsWith("]")) {
            return -1;
        }
        try {
            return Integer.parseInt(partKey.substring(jobKey.length() + 1, partKey.length() - 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The indexes of the next batch to start (empty when all have started); marks them started. */
    List<Integer> nextBatch() {
        List<Integer> batch = new ArrayList<>();
        while (started < items.size() && batch.size() < batchSize) {
            batch.add(started++);
        }
        return batch;
    }

    /** Records a result; false when that part had already finished. */
    boolean record(int index, Object result) {
        if (index < 0 || index >= started || done[index]) {
            return false;
        }
        done[index] = true;
        results[index] = result;
        finished++;
        return true;
    }

    /** True when every started part has finished (the batch is over). */
    boolean batchDone() {
        return finished == started;
    }

    boolean allDone() {
        return finished == items.size();
    }

    /** Indexes started and not finished. */
    List<Integer> outstanding() {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < started; i++) {
            if (!done[i]) {
                open.add(i);
            }
        }
        return open;
    }

    /** The results in item order; the one result for a single input. */
    Object output() {
        return single ? (results.length == 0 ? null : results[0]) : new ArrayList<>(Arrays.asList(results));
    }
}
