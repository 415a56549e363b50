use std::time::Instant;
fn main() {
    let a = std::env::args().nth(1).unwrap();
    let b = std::env::args().nth(2).unwrap();
    let t0 = Instant::now();
    let c = chapeau::revisions::Comparison::of_files(a.as_ref(), b.as_ref()).unwrap();
    let t1 = Instant::now();
    let r = c.redline();
    let t2 = Instant::now();
    let j = chapeau::redline::render::write(&r, chapeau::redline::render::Format::Json, 80, false);
    let t3 = Instant::now();
    drop(j);
    drop(r);
    drop(c);
    let t4 = Instant::now();
    eprintln!(
        "load {:?} redline {:?} json {:?} drop {:?}",
        t1 - t0,
        t2 - t1,
        t3 - t2,
        t4 - t3
    );
}
