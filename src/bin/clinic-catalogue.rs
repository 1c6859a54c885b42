//! `clinic-catalogue`: the site owner's tool to validate and inspect a catalogue.

fn main() {
    println!("clinic-catalogue: coming soon");
}
