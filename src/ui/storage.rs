//! Keeping the shortlist and notes on this device — only after the family opts in, and cleared by
//! "Forget everything". Storage that is disabled or full is ignored: the widget keeps working.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::prelude::*;

use super::app::Ready;
use super::state::{Action, Note, Notes, State};
use crate::embed::Config;

/// Our only localStorage key prefix.
pub const KEY_PREFIX: &str = "clinic-compare:";

#[derive(Serialize, Deserialize, Default)]
struct Kept {
    shortlist: Vec<String>,
    /// (clinic id, question id, asked, text)
    notes: Vec<(String, String, bool, String)>,
}

fn key(config: &Config) -> String {
    format!("{KEY_PREFIX}{}", config.catalogue.as_deref().unwrap_or(""))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Restores kept state at start, and saves or clears it as the family's choice and data change.
#[hook]
pub fn use_kept_state(state: &UseReducerHandle<State>, config: &Config, ready: &Rc<Ready>) {
    let key = key(config);
    {
        let state = state.clone();
        let key = key.clone();
        let allowed = config.persist;
        let ready = ready.clone();
        use_effect_with((), move |_| {
            if allowed {
                if let Some(mut kept) = storage()
                    .and_then(|s| s.get_item(&key).ok().flatten())
                    .and_then(|text| serde_json::from_str::<Kept>(&text).ok())
                {
                    // Clinics not in the catalogue any more leave the shortlist.
                    kept.shortlist
                        .retain(|id| ready.engine.clinics.iter().any(|c| c.id == *id));
                    let notes: Notes = kept
                        .notes
                        .into_iter()
                        .map(|(c, q, asked, text)| ((c, q), Note { asked, text }))
                        .collect();
                    state.dispatch(Action::Restore {
                        shortlist: kept.shortlist,
                        notes,
                    });
                }
            }
        });
    }
    {
        let allowed = config.persist;
        let snapshot = (state.keep_on_device, state.shortlist.clone(), state.notes.clone());
        let was_kept = use_mut_ref(|| false);
        use_effect_with(snapshot, move |(keep, shortlist, notes)| {
            let Some(store) = storage() else { return };
            if allowed && *keep {
                let kept = Kept {
                    shortlist: shortlist.clone(),
                    notes: notes
                        .iter()
                        .map(|((c, q), n)| (c.clone(), q.clone(), n.asked, n.text.clone()))
                        .collect(),
                };
                if let Ok(text) = serde_json::to_string(&kept) {
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
