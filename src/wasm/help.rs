//! A running fit's help from the page's second worker (`Job::offer`, ARCHITECTURE.md "Long
//! jobs"): the head worker's session offers a part of the work and accepts the answer, the
//! tail worker's answers it from the question's bytes alone.

use super::{fail, PortraitSession};
use crate::session::Session;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl PortraitSession {
    /// A part of the running fit's work for the second worker (`Uint8Array`), or `undefined`.
    pub fn offer(&mut self) -> Option<Vec<u8>> {
        self.inner.offer()
    }

    /// The second worker's answer to the open offer (`undefined`: none; the fit does it).
    pub fn accept(&mut self, answer: Option<Vec<u8>>) -> Result<(), JsValue> {
        self.inner.accept(answer.as_deref()).map_err(fail)
    }

    /// In the second worker: the answer to an offer of analysis `kind`'s fit.
    pub fn answer(&self, kind: String, question: Vec<u8>) -> Result<Vec<u8>, JsValue> {
        Session::answer(&kind, &question).map_err(fail)
    }
}
