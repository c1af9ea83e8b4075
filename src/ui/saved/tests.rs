//! Saved work: keys, the stored format (a share link's text), when to
//! write, and unreadable or failing storage.
use super::*;
use crate::ui::workspace::Workspace;

fn preset(slug: &str) -> Scenario {
    let route = crate::ui::router::parse_route(&format!("#/{slug}"));
    let name = crate::ui::sections::preset_of(&route).unwrap_or_default();
    (*Workspace::preset(name).scenario).clone()
}

fn edited(slug: &str) -> Scenario {
    let mut s = preset(slug);
    s.seed ^= 7;
    s.title.push_str(" (mine)");
    s
}

#[test]
fn every_page_has_its_own_key() {
    let slugs: Vec<&str> = page_slugs().collect();
    assert_eq!(slugs.len(), SECTIONS.len() + 1);
    assert!(slugs.contains(&"sandbox") && slugs.contains(&"route53-failover"));
    assert_eq!(key("cname"), "dnsplay.saved.cname");
}

/// Issue 7: the work written is the work read back, on every page; the
/// value is a share link's text of the current version.
#[test]
fn saved_work_round_trips_on_every_page() {
    let mut store = MemoryStorage::default();
    for slug in page_slugs() {
        let p = plan(slug, true, &edited(slug), &preset(slug)).expect("encodes");
        let Plan::Write(value) = &p else {
            panic!("{slug}: {p:?}")
        };
        assert!(value.starts_with(&format!("{LATEST}.")), "{value}");
        save(&mut store, slug, p).expect("saved");
    }
    let loaded = load_all(&store).expect("reads");
    assert!(loaded.notes.is_empty(), "{:?}", loaded.notes);
    assert_eq!(loaded.saved.len(), page_slugs().count());
    for (slug, scenario) in &loaded.saved {
        assert_eq!(**scenario, edited(slug), "{slug}");
    }
}

/// Only the reader's changes are written; work equal to the preset (undone
/// or reset) removes the copy, so an untouched page stores nothing.
#[test]
fn plans_write_only_edited_work_that_differs_from_the_preset() {
    let (p, e) = (preset("cname"), edited("cname"));
    let cases = [
        (false, &e, "keep"),
        (false, &p, "keep"),
        (true, &p, "remove"),
        (true, &e, "write"),
    ];
    for (was_edited, scenario, want) in cases {
        let got = match plan("cname", was_edited, scenario, &p) {
            Ok(Plan::Keep) => "keep",
            Ok(Plan::Remove) => "remove",
            Ok(Plan::Write(_)) => "write",
            Err(e) => panic!("{e}"),
        };
        assert_eq!(got, want, "edited {was_edited}");
    }
    let mut store = MemoryStorage::default();
    store.items.insert(key("cname"), "1.x".into());
    save(&mut store, "cname", Plan::Remove).expect("removed");
    save(&mut store, "cname", Plan::Keep).expect("nothing");
    assert!(store.items.is_empty());
}

/// Stored values are versioned and upgraded like links: the golden v1
/// failover link's text, stored as is, opens as the same scenario.
#[test]
fn a_v1_link_text_is_a_valid_saved_value() {
    let link = include_str!("../../../tests/fixtures/links/v1/route53-failover.txt").trim();
    let value = link.trim_start_matches("#s=");
    let opened = codec::open(link).expect("golden link opens");
    assert_eq!(decode(value).expect("decodes"), opened.scenario);
}

/// A value from a newer dnsplay, or damaged, is left where it is (never
/// deleted) and gives a note; the other pages still restore.
#[test]
fn unreadable_values_are_left_alone_with_a_note() {
    let mut store = MemoryStorage::default();
    let good = encode("cname", &edited("cname")).expect("encodes");
    let cut = good.get(..good.len() / 2).unwrap_or_default().to_string();
    let cases = [
        ("a-records", format!("{}.AAAA", LATEST + 1), "newer dnsplay"),
        ("localstack", "1.!!!".to_string(), "damaged"),
        ("kubernetes", cut, "damaged"),
        ("sandbox", String::new(), "damaged"),
    ];
    for (slug, value, _) in &cases {
        store.items.insert(key(slug), value.clone());
    }
    store.items.insert(key("cname"), good);
    let before = store.items.clone();
    let loaded = load_all(&store).expect("reads");
    assert_eq!(store.items, before, "nothing deleted");
    let slugs: Vec<&str> = loaded.saved.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(slugs, ["cname"]);
    for (slug, _, says) in cases {
        let note = loaded.notes.get(slug).unwrap_or_else(|| panic!("{slug}"));
        assert!(note.contains(says), "{slug}: {note}");
        assert!(note.contains("blog's version"), "{note}");
    }
}

/// A blocked or full storage is an error with a quiet sentence, never a
/// panic; a scenario too large to read back is refused before writing.
#[test]
fn storage_failures_become_warnings() {
    let blocked = MemoryStorage {
        fail: Some(StorageError::Blocked("SecurityError".into())),
        ..MemoryStorage::default()
    };
    let e = load_all(&blocked).expect_err("blocked");
    assert!(warning(&e).starts_with(NOT_SAVING), "{}", warning(&e));
    let mut full = MemoryStorage {
        fail: Some(StorageError::Full),
        ..MemoryStorage::default()
    };
    let p = plan("cname", true, &edited("cname"), &preset("cname")).expect("encodes");
    assert_eq!(save(&mut full, "cname", p), Err(StorageError::Full));
    assert_eq!(
        warning(&StorageError::Full),
        "Your changes are not being saved in this browser: the browser's storage for this \
         site is full; share a link to keep your work."
    );
    // Random text does not compress: past MAX_LINK_CHARS once encoded.
    let mut huge = edited("cname");
    let mut x: u64 = 1;
    huge.notes = (0..40_000)
        .map(|_| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            char::from(b'a' + u8::try_from((x >> 59) % 26).unwrap_or(0))
        })
        .collect();
    match plan("cname", true, &huge, &preset("cname")) {
        Err(StorageError::TooLarge(n)) => assert!(n > MAX_LINK_CHARS),
        other => panic!("{other:?}"),
    }
}
