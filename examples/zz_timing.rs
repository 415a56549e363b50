use std::time::Instant;
fn main() {
    let a = std::env::args().nth(1).unwrap();
    let n: usize = std::env::args().nth(2).map_or(3, |n| n.parse().unwrap());
    let source = std::fs::read_to_string(&a).unwrap();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(chapeau::draft_file::parse(a.as_ref(), &source).unwrap());
    }
    eprintln!("parse {:?}", t.elapsed() / n as u32);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(toml::de::DeTable::parse(&source).unwrap());
    }
    eprintln!("toml DeTable::parse {:?}", t.elapsed() / n as u32);
}
