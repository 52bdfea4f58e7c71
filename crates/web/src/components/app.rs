//! The root component: loads the index and shows progress, a plain error, or the search page.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::heading::Heading;
use crate::components::search_page::SearchPage;
use crate::config::Config;
use crate::hooks::use_records::OpenIntent;
use crate::hooks::{use_index, IndexLoad, IndexRef, LoadState};
use crate::host_events;
use crate::i18n;
use crate::loader::LatePart;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The configuration given to `mount`.
    pub config: Rc<Config>,
}

/// The whole app inside the element it was mounted into.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = &props.config;
    let lang = config.lang;
    let IndexLoad { state: load, retry } = use_index(&config.index_url);
    let t = lang.texts();
    let title = config.title(config.mode);
    // The host page hears of a failed load (the search page tells it the rest).
    let root = use_node_ref();
    {
        let failure = match &load {
            LoadState::Failed(error) => Some(error.describe(lang)),
            _ => None,
        };
        let root = root.clone();
        use_effect_with(failure, move |failure| {
            if let Some(message) = failure {
                host_events::emit(&root, host_events::ERROR, &message.as_str().into());
            }
        });
    }
    let waiting = |content: Html| {
        html! {
            <div class="tf-app" lang={lang.tag()} ref={root.clone()}>
                <Heading level={config.heading_level} class="tf-title">{ title }</Heading>
                { content }
            </div>
        }
    };
    match load {
        LoadState::Loading { done, total } => waiting(html! {
            <div class="tf-loading">
                <p role="status" class="tf-status">{ i18n::loading_progress(lang, done, total) }</p>
                <progress class="tf-progress" max={total.max(1).to_string()} value={done.to_string()}
                          aria-label={t.loading_index}></progress>
            </div>
        }),
        LoadState::Failed(error) => waiting(html! {
            <div class="tf-error">
                <p role="alert">{ error.describe(lang) }</p>
                if error.recoverable() {
                    <button type="button" class="tf-button" onclick={retry.reform(|_: MouseEvent| ())}>{ t.retry }</button>
                }
            </div>
        }),
        LoadState::Ready {
            index,
            version,
            deferred_pending,
            deferred_error,
        } => ready_view(
            root,
            // A record about to be opened is fetched from the press that shows it.
            Some(OpenIntent::new(&index)),
            html! {
                <SearchPage config={Rc::clone(config)} {index} {version} {deferred_pending}
                            deferred_error={deferred_error.as_ref().map(|e| AttrValue::from(e.describe_part(lang, LatePart::Texts)))}
                            on_retry_deferred={deferred_error.is_some_and(|e| e.recoverable()).then(|| retry.clone())} />
            },
            config,
        ),
    }
}

/// The app's root around the loaded search page: what the app shows once the index is loaded,
/// and what the build prerenders into the page ([`Prerendered`]), so the two are one markup.
fn ready_view(root: NodeRef, intent: Option<OpenIntent>, page: Html, config: &Config) -> Html {
    let (onpointerdown, onkeydown) = intent.map(|i| (i.onpointerdown, i.onkeydown)).unzip();
    html! {
        <div class="tf-app" lang={config.lang.tag()} ref={root} {onpointerdown} {onkeydown}>{ page }</div>
    }
}

#[derive(Properties, PartialEq)]
pub struct PrerenderedProps {
    pub config: Rc<Config>,
    pub index: IndexRef,
}

/// The loaded app's first view, rendered outside a browser by the build (`prerender`): the
/// search page as the app draws it once the index is loaded, before anything is typed.
#[function_component(Prerendered)]
pub fn prerendered(props: &PrerenderedProps) -> Html {
    ready_view(
        NodeRef::default(),
        None,
        html! {
            <SearchPage config={Rc::clone(&props.config)} index={props.index.clone()} version={0}
                        deferred_pending={false} deferred_error={None::<AttrValue>} />
        },
        &props.config,
    )
}
