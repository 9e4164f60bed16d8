//! Amounts held once per role or per account tier, indexed by the enum
//! itself: `pay[Role::Ae]` cannot pick the wrong slot the way a cast to
//! `usize` into an array of another length could.
//!
//! Values are stored in the order of [`Role::ALL`] and [`Tier::ALL`], so
//! iterating visits them in that order and sums add in it.

use std::ops::{Index, IndexMut};

use super::derived::Tier;
use crate::sim::scenario::Role;

macro_rules! per_kind {
    ($(#[$doc:meta])* $name:ident, $kind:ident, $count:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name<T>([T; $count]);

        impl<T> $name<T> {
            /// Each value worked out from its key, in key order.
            #[must_use]
            pub fn from_fn(value_of: impl FnMut($kind) -> T) -> Self {
                $name($kind::ALL.map(value_of))
            }

            /// The same value for every key.
            #[must_use]
            pub fn uniform(value: T) -> Self
            where
                T: Copy,
            {
                $name([value; $count])
            }

            /// The values in key order.
            pub fn iter(&self) -> std::slice::Iter<'_, T> {
                self.0.iter()
            }

            pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
                self.0.iter_mut()
            }

            /// Each key with its value, in key order.
            pub fn entries(&self) -> impl Iterator<Item = ($kind, &T)> {
                $kind::ALL.into_iter().zip(&self.0)
            }

            #[must_use]
            pub fn map<U>(self, f: impl FnMut(T) -> U) -> $name<U> {
                $name(self.0.map(f))
            }
        }

        impl<T> From<[T; $count]> for $name<T> {
            fn from(values: [T; $count]) -> Self {
                $name(values)
            }
        }

        impl<T: PartialEq> PartialEq<[T; $count]> for $name<T> {
            fn eq(&self, other: &[T; $count]) -> bool {
                self.0 == *other
            }
        }

        impl<T> Index<$kind> for $name<T> {
            type Output = T;

            fn index(&self, key: $kind) -> &T {
                &self.0[key as usize]
            }
        }

        impl<T> IndexMut<$kind> for $name<T> {
            fn index_mut(&mut self, key: $kind) -> &mut T {
                &mut self.0[key as usize]
            }
        }

        impl<T> IntoIterator for $name<T> {
            type Item = T;
            type IntoIter = std::array::IntoIter<T, $count>;

            fn into_iter(self) -> Self::IntoIter {
                self.0.into_iter()
            }
        }

        impl<'a, T> IntoIterator for &'a $name<T> {
            type Item = &'a T;
            type IntoIter = std::slice::Iter<'a, T>;

            fn into_iter(self) -> Self::IntoIter {
                self.0.iter()
            }
        }

        impl<'a, T> IntoIterator for &'a mut $name<T> {
            type Item = &'a mut T;
            type IntoIter = std::slice::IterMut<'a, T>;

            fn into_iter(self) -> Self::IntoIter {
                self.0.iter_mut()
            }
        }
    };
}

per_kind!(
    /// One value per role, in the order of [`Role::ALL`].
    PerRole,
    Role,
    5
);

per_kind!(
    /// One value per account tier, in the order of [`Tier::ALL`].
    PerTier,
    Tier,
    3
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_indexed_and_visited_in_key_order() {
        let mut pay = PerRole::from_fn(|role| role as u32 * 10);
        pay[Role::Am] += 1;
        assert_eq!(pay, [0, 10, 20, 31, 40]);
        assert_eq!(pay.entries().map(|(role, _)| role).collect::<Vec<_>>(), Role::ALL);
        let shares = PerTier::from([0.5, 0.3, 0.2]);
        assert_eq!(shares[Tier::LongTail], 0.2);
        assert_eq!(shares.map(|share| share * 2.0), [1.0, 0.6, 0.4]);
        assert_eq!(PerTier::uniform(1u8).iter().sum::<u8>(), 3);
    }
}
