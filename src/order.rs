//! Stable sorting with one copy of the standard library's sort in the page.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably: exactly the order `v.sort_by(cmp)` gives.
/// The standard library's sort is compiled once for every element type it
/// sorts (about 3 KB of wasm each); this sorts positions, through one
/// function that is not generic, then moves the items into place, so the
/// page carries one copy (about 3 KB of the compressed download saved).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let mut order = positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    // Position i takes the item from order[i]: follow each cycle, swapping.
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

/// `0..n` sorted stably by `cmp`.
fn positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::sort_by;

    /// The same order as the standard library's stable sort, ties and all,
    /// for many lengths and keys with many ties.
    #[test]
    fn sorts_exactly_as_the_standard_library_stable_sort() {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for n in 0..200 {
            let v: Vec<(u64, usize)> = (0..n)
                .map(|i| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x % 7, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v;
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "{n} items");
        }
        let mut f = [3.0, -0.0, 0.0, f64::NAN, -1.5];
        sort_by(&mut f, f64::total_cmp);
        let bits: Vec<u64> = f.iter().map(|v| v.to_bits()).collect();
        let mut g = [3.0, -0.0, 0.0, f64::NAN, -1.5];
        g.sort_by(f64::total_cmp);
        assert_eq!(bits, g.iter().map(|v| v.to_bits()).collect::<Vec<_>>());
    }
}
