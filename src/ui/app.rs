//! The root component: loads the catalogue named by the configuration and shows it.

use std::rc::Rc;

use yew::prelude::*;

use super::clinic_list::ClinicList;
use super::fetch::{fetch_catalogue, LoadError};
use crate::catalogue::Clinic;
use crate::embed::Config;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
}

#[derive(Debug, Clone, PartialEq)]
enum Load {
    Loading,
    Failed(LoadError),
    Ready(Rc<Vec<Clinic>>),
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let load = use_state(|| Load::Loading);
    {
        let load = load.clone();
        use_effect_with(props.config.catalogue.clone(), move |url| {
            load.set(Load::Loading);
            let url = url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match url {
                    None => Err(LoadError {
                        message: "This clinic finder has no clinic list to show yet.".into(),
                        detail: "clinic-compare: the element has no catalogue attribute; add catalogue=\"clinics.json\"".into(),
                    }),
                    Some(url) => fetch_catalogue(&url).await,
                };
                load.set(match result {
                    Ok(catalogue) => Load::Ready(Rc::new(catalogue.clinics)),
                    Err(error) => {
                        web_sys::console::error_1(&error.detail.clone().into());
                        Load::Failed(error)
                    }
                });
            });
        });
    }

    match &*load {
        Load::Loading => html! { <p class="cc-status" role="status">{ "Loading clinics…" }</p> },
        Load::Failed(error) => html! {
            <div class="cc-error" role="alert"><p>{ &error.message }</p></div>
        },
        Load::Ready(clinics) => html! { <ClinicList clinics={clinics.clone()} /> },
    }
}
