//! Keeping the shortlist and notes on this device — only after the family opts in, and cleared by
//! "Forget everything". Storage that is disabled or full is ignored: the widget keeps working.

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::loaded::Ready;
use super::state::{Note, Notes, State};
use crate::catalogue::vocabulary::Locale;
use crate::config::Config;

/// Our only localStorage key prefix.
pub const KEY_PREFIX: &str = "clinic-compare:";

/// What is kept, written as `{"shortlist": [id, …], "notes": [[clinic id, question id, asked, text], …],
/// "language": "es"}` by the browser's own JSON (the widget carries no JSON writer).
#[derive(Default)]
struct Kept {
    shortlist: Vec<String>,
    notes: Vec<(String, String, bool, String)>,
    /// The language the family chose with the switch (its tag), when the site offers one.
    language: Option<String>,
}

impl Kept {
    fn to_json(&self) -> Option<String> {
        let shortlist = super::events::js_list(&self.shortlist);
        let notes: Array = self
            .notes
            .iter()
            .map(|(c, q, asked, text)| Array::of4(&c.into(), &q.into(), &JsValue::from_bool(*asked), &text.into()))
            .collect::<Array>();
        let kept = Object::new();
        Reflect::set(&kept, &"shortlist".into(), &shortlist).ok()?;
        Reflect::set(&kept, &"notes".into(), &notes).ok()?;
        if let Some(language) = &self.language {
            Reflect::set(&kept, &"language".into(), &language.into()).ok()?;
        }
        JSON::stringify(&kept).ok()?.as_string()
    }

    /// What was kept, leaving out anything not of the expected shape (storage is the browser's,
    /// and other code on the page can write to it).
    fn from_json(text: &str) -> Option<Kept> {
        let kept = JSON::parse(text).ok()?;
        let list = |name: &str| -> Vec<JsValue> {
            Reflect::get(&kept, &name.into())
                .ok()
                .and_then(|v| v.dyn_into::<Array>().ok())
                .map(|a| a.iter().collect())
                .unwrap_or_default()
        };
        let shortlist = list("shortlist").iter().filter_map(JsValue::as_string).collect();
        let notes = list("notes")
            .into_iter()
            .filter_map(|note| {
                let note = note.dyn_into::<Array>().ok()?;
                Some((
                    note.get(0).as_string()?,
                    note.get(1).as_string()?,
                    note.get(2).as_bool()?,
                    note.get(3).as_string()?,
                ))
            })
            .collect();
        let language = Reflect::get(&kept, &"language".into()).ok().and_then(|l| l.as_string());
        Some(Kept {
            shortlist,
            notes,
            language,
        })
    }
}

fn key(config: &Config) -> String {
    format!("{KEY_PREFIX}{}", config.catalogue.as_deref().unwrap_or(""))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The kept record for this catalogue, if the site allows keeping.
fn read(config: &Config) -> Option<Kept> {
    if !config.persist {
        return None;
    }
    Kept::from_json(&storage()?.get_item(&key(config)).ok()??)
}

/// The language the family chose with the switch and kept on this device, if the site still
/// offers it.
pub fn kept_language(config: &Config) -> Option<Locale> {
    let language = read(config)?.language?;
    let offered = |l: &Locale| config.switch.is_some() && (*l == Locale::Es || Some(*l) == config.switch);
    crate::config::parse_locale(&language).filter(offered)
}

/// What the family kept on this device for this catalogue, if the site allows keeping: the
/// shortlist (without clinics no longer listed) and the notes. Read once, as the widget starts.
pub fn kept(config: &Config, ready: &Ready) -> Option<(Vec<String>, Notes)> {
    let mut kept = read(config)?;
    kept.shortlist
        .retain(|id| ready.engine.clinics.iter().any(|c| c.id == *id));
    // Inserted one by one: collecting into the map would bring in a sort of its own.
    let mut notes = Notes::new();
    for (c, q, asked, text) in kept.notes {
        notes.insert((c, q), Note { asked, text });
    }
    Some((kept.shortlist, notes))
}

/// Saves or clears what is kept as the family's choice and data change.
#[hook]
pub fn use_kept_state(state: &UseReducerHandle<State>, config: &Config) {
    let key = key(config);
    {
        let allowed = config.persist;
        // The language is kept only when the family could choose it.
        let language = config.switch.map(|_| config.locale.tag().to_string());
        let snapshot = (
            state.keep_on_device,
            state.shortlist.clone(),
            state.notes.clone(),
            language,
        );
        let was_kept = use_mut_ref(|| false);
        use_effect_with(snapshot, move |(keep, shortlist, notes, language)| {
            let Some(store) = storage() else { return };
            if allowed && *keep {
                let kept = Kept {
                    shortlist: shortlist.clone(),
                    notes: notes
                        .iter()
                        .map(|((c, q), n)| (c.clone(), q.clone(), n.asked, n.text.clone()))
                        .collect(),
                    language: language.clone(),
                };
                if let Some(text) = kept.to_json() {
                    store.set_item(&key, &text).ok();
                }
                *was_kept.borrow_mut() = true;
            } else if *was_kept.borrow() {
                // Opting out or "forget everything" removes what we kept; otherwise we never touch storage.
                store.remove_item(&key).ok();
                *was_kept.borrow_mut() = false;
            }
        });
    }
}
