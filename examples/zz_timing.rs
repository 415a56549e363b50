use std::time::Instant;
fn main() {
    let a = std::env::args().nth(1).unwrap();
    let b = std::env::args().nth(2).unwrap();
    let n: usize = std::env::args().nth(3).map_or(3, |n| n.parse().unwrap());
    let c = chapeau::revisions::Comparison::of_files(a.as_ref(), b.as_ref()).unwrap();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(c.redline());
    }
    eprintln!("redline {:?} by_id {}", t.elapsed() / n as u32, c.by_id);
}
