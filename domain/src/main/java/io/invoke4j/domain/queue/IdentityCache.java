package io.invoke4j.domain.queue;

import java.lang.ref.WeakReference;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small direct-mapped cache keyed on object identity, for values derived from read-only JSON
 * subtrees that many requests share (a workflow's unchanged nodes after
 * {@link io.invoke4j.domain.workflow.WorkflowDefinition#withValue}). Keys are held weakly; a
 * collision or a collected key only costs recomputing. Racy by design: entries are immutable, so
 * a reader sees a whole entry or an older one.
 */
final class IdentityCache<K, V> {
  private static final class Entry<K, V> {
    final WeakReference<K> key;
    final V value;

    Entry(K key, V value) {
      this.key = new WeakReference<>(key);
      this.value = value;
    }
  }

  private final Entry<K, V>[] slots;

  @SuppressWarnings("unchecked")
  IdentityCache(int sizePowerOfTwo) {
    if (Integer.bitCount(sizePowerOfTwo) != 1) {
      throw new IllegalArgumentException("size must be a power of two, got " + sizePowerOfTwo);
    }
    slots = (Entry<K, V>[]) new Entry<?, ?>[sizePowerOfTwo];
  }

  V get(K key, Function<? super K, ? extends V> compute) {
    return get(key, value -> true, compute);
  }

  /** As {@link #get(Object, Function)}, but a cached value is used only when {@code valid} says so. */
  V get(K key, Predicate<? super V> valid, Function<? super K, ? extends V> compute) {
    int h = System.identityHashCode(key);
    int slot = (h ^ (h >>> 16)) & (slots.length - 1);
    Entry<K, V> entry = slots[slot];
    if (entry != null && entry.key.get() == key && valid.test(entry.value)) {
      return entry.value;
    }
    V value = compute.apply(key);
    slots[slot] = new Entry<>(key, value);
    return value;
  }
}
