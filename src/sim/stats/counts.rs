//! Bucket counts that take two bytes each until one of them would pass
//! 65,535, then four.
//!
//! A summary of the default preset (36 metrics × 36 months) holds about
//! 300,000 bucket counts, and folding runs into it touches them all again
//! for every block of runs. Two bytes each keep the whole summary inside a
//! core's 1 MiB second-level cache, where four did not; a count passes
//! 65,535 only when more runs than the default 10,000 land in one bucket.
//!
//! Counts saturate at `u32::MAX`, as before; the width is invisible outside:
//! equality compares the numbers, and the serialized form is a list of
//! numbers either way.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Debug)]
pub(super) enum BucketCounts {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Default for BucketCounts {
    fn default() -> Self {
        BucketCounts::Narrow(Vec::new())
    }
}

impl BucketCounts {
    pub(super) fn zeros(len: usize) -> Self {
        BucketCounts::Narrow(vec![0; len])
    }

    pub(super) fn len(&self) -> usize {
        match self {
            BucketCounts::Narrow(counts) => counts.len(),
            BucketCounts::Wide(counts) => counts.len(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The count at `index`; 0 outside.
    pub(super) fn get(&self, index: usize) -> u32 {
        match self {
            BucketCounts::Narrow(counts) => counts.get(index).map_or(0, |&c| u32::from(c)),
            BucketCounts::Wide(counts) => counts.get(index).copied().unwrap_or(0),
        }
    }

    /// Counts in index order.
    pub(super) fn iter(&self) -> impl DoubleEndedIterator<Item = u32> + ExactSizeIterator + '_ {
        (0..self.len()).map(|index| self.get(index))
    }

    /// Adds `times` at `index` (saturating at `u32::MAX`); `false`, changing
    /// nothing, when `index` is outside.
    #[inline]
    pub(super) fn add(&mut self, index: usize, times: u32) -> bool {
        let sum = match self {
            BucketCounts::Narrow(counts) => {
                let Some(count) = counts.get_mut(index) else {
                    return false;
                };
                let sum = times.saturating_add(u32::from(*count));
                if let Ok(narrow) = u16::try_from(sum) {
                    *count = narrow;
                    return true;
                }
                sum
            }
            BucketCounts::Wide(counts) => {
                let Some(count) = counts.get_mut(index) else {
                    return false;
                };
                *count = count.saturating_add(times);
                return true;
            }
        };
        self.widen();
        if let BucketCounts::Wide(counts) = self {
            counts[index] = sum;
        }
        true
    }

    /// Adds one at each of `indices`, all inside: the fold's hot path, the
    /// same state as one `add(index, 1)` each. Two-byte counts are bumped
    /// with wrapping adds and no test per value; in the rare block where one
    /// wraps past 65,535 the block is taken back out, the counts widen and
    /// the block goes in again.
    #[inline(always)]
    pub(super) fn increment_each(&mut self, indices: impl Iterator<Item = usize> + Clone) {
        if let BucketCounts::Narrow(counts) = self
            && let Some(last) = counts.len().checked_sub(1)
        {
            let mut wrapped = false;
            for index in indices.clone() {
                let count = &mut counts[index.min(last)];
                *count = count.wrapping_add(1);
                wrapped |= *count == 0;
            }
            if !wrapped {
                return;
            }
            for index in indices.clone() {
                let count = &mut counts[index.min(last)];
                *count = count.wrapping_sub(1);
            }
            self.widen();
        }
        for index in indices {
            self.add(index, 1);
        }
    }

    #[cold]
    #[inline(never)]
    fn widen(&mut self) {
        if let BucketCounts::Narrow(counts) = self {
            *self = BucketCounts::Wide(counts.iter().map(|&c| u32::from(c)).collect());
        }
    }

    /// Puts `extra` zero counts in front.
    pub(super) fn prepend_zeros(&mut self, extra: usize) {
        match self {
            BucketCounts::Narrow(counts) => {
                counts.splice(0..0, std::iter::repeat_n(0, extra));
            }
            BucketCounts::Wide(counts) => {
                counts.splice(0..0, std::iter::repeat_n(0, extra));
            }
        }
    }

    /// Extends with zero counts to `len` (never shrinks).
    pub(super) fn extend_to(&mut self, len: usize) {
        match self {
            BucketCounts::Narrow(counts) if len > counts.len() => counts.resize(len, 0),
            BucketCounts::Wide(counts) if len > counts.len() => counts.resize(len, 0),
            _ => {}
        }
    }

    /// Adds `other`'s counts from `start` on (`self` must already cover them).
    pub(super) fn add_all(&mut self, start: usize, other: &BucketCounts) {
        for (offset, count) in other.iter().enumerate() {
            if count > 0 {
                self.add(start + offset, count);
            }
        }
    }
}

impl PartialEq for BucketCounts {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Serialize for BucketCounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for BucketCounts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wide = Vec::<u32>::deserialize(deserializer)?;
        Ok(
            match wide.iter().map(|&c| u16::try_from(c)).collect::<Result<Vec<u16>, _>>() {
                Ok(narrow) => BucketCounts::Narrow(narrow),
                Err(_) => BucketCounts::Wide(wide),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_widen_past_two_bytes_and_saturate_at_four() {
        let mut counts = BucketCounts::zeros(3);
        assert!(counts.add(1, 65_535));
        assert!(matches!(counts, BucketCounts::Narrow(_)));
        assert!(counts.add(1, 1));
        assert!(matches!(counts, BucketCounts::Wide(_)));
        assert_eq!(counts.iter().collect::<Vec<_>>(), [0, 65_536, 0]);
        assert!(counts.add(2, u32::MAX));
        assert!(counts.add(2, 7));
        assert_eq!(counts.get(2), u32::MAX);
        assert!(!counts.add(3, 1), "outside the store");
        assert_eq!(counts.len(), 3);
    }

    #[test]
    fn incrementing_a_block_equals_adding_one_at_a_time_across_the_widening() {
        let indices = [0usize, 2, 2, 1, 2, 0];
        for start in [0u32, 65_533, 65_534, 65_535] {
            let mut block = BucketCounts::zeros(3);
            let mut single = BucketCounts::zeros(3);
            for counts in [&mut block, &mut single] {
                counts.add(2, start);
            }
            block.increment_each(indices.iter().copied());
            for index in indices {
                single.add(index, 1);
            }
            assert_eq!(block, single, "starting at {start}");
            assert_eq!(block.get(2), start + 3);
            assert_eq!(matches!(block, BucketCounts::Wide(_)), start + 3 > 65_535);
        }
    }

    #[test]
    fn equality_and_the_serialized_form_ignore_the_width() {
        let mut narrow = BucketCounts::zeros(2);
        narrow.add(0, 9);
        let wide = BucketCounts::Wide(vec![9, 0]);
        assert_eq!(narrow, wide);
        let text = serde_json::to_string(&narrow).unwrap();
        assert_eq!(text, "[9,0]");
        assert_eq!(text, serde_json::to_string(&wide).unwrap());
        let back: BucketCounts = serde_json::from_str("[1,70000,2]").unwrap();
        assert!(matches!(back, BucketCounts::Wide(_)));
        assert_eq!(back.iter().collect::<Vec<_>>(), [1, 70_000, 2]);
        let small: BucketCounts = serde_json::from_str("[1,2]").unwrap();
        assert!(matches!(small, BucketCounts::Narrow(_)));
    }

    #[test]
    fn merging_adds_counts_and_widens_when_a_sum_needs_it() {
        let mut mine = BucketCounts::zeros(4);
        mine.add(1, 60_000);
        let mut theirs = BucketCounts::zeros(2);
        theirs.add(0, 10_000);
        theirs.add(1, 3);
        mine.add_all(1, &theirs);
        assert_eq!(mine.iter().collect::<Vec<_>>(), [0, 70_000, 3, 0]);
    }
}
