//! Fixed-size bitsets over alphabet atoms.

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Bits(Box<[u64]>);

impl Bits {
    pub fn new(len: usize) -> Bits {
        Bits(vec![0; len.div_ceil(64).max(1)].into_boxed_slice())
    }

    #[inline]
    pub fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    #[inline]
    pub fn contains(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 == 1
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }

    #[inline]
    pub fn intersects(&self, other: &Bits) -> bool {
        self.0.iter().zip(other.0.iter()).any(|(a, b)| a & b != 0)
    }

    pub fn and(&self, other: &Bits) -> Bits {
        Bits(
            self.0
                .iter()
                .zip(other.0.iter())
                .map(|(a, b)| a & b)
                .collect(),
        )
    }

    pub fn or_assign(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a |= b;
        }
    }

    /// Indices of set bits, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(wi, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let b = w.trailing_zeros() as usize;
                w &= w - 1;
                Some(wi * 64 + b)
            })
        })
    }

    /// Lowest bit set in all three, if any (no allocation).
    pub fn first_common3(&self, b: &Bits, c: &Bits, usable: &Bits) -> Option<usize> {
        for (wi, (((x, y), z), u)) in self
            .0
            .iter()
            .zip(b.0.iter())
            .zip(c.0.iter())
            .zip(usable.0.iter())
            .enumerate()
        {
            let w = x & y & z & u;
            if w != 0 {
                return Some(wi * 64 + w.trailing_zeros() as usize);
            }
        }
        None
    }

    /// Lowest set bit of the intersection, if any.
    #[cfg(test)]
    pub fn first_common(&self, other: &Bits) -> Option<usize> {
        for (wi, (a, b)) in self.0.iter().zip(other.0.iter()).enumerate() {
            let w = a & b;
            if w != 0 {
                return Some(wi * 64 + w.trailing_zeros() as usize);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_ops() {
        let mut a = Bits::new(130);
        a.set(3);
        a.set(129);
        let mut b = Bits::new(130);
        b.set(129);
        assert!(a.contains(3) && !a.contains(4));
        assert!(a.intersects(&b));
        assert_eq!(a.iter().collect::<Vec<_>>(), vec![3, 129]);
        assert_eq!(a.first_common(&b), Some(129));
        assert_eq!(a.and(&b).iter().collect::<Vec<_>>(), vec![129]);
        b.or_assign(&a);
        assert_eq!(b.iter().count(), 2);
        assert!(Bits::new(5).is_empty());
    }
}
