//! The browser face: a thin wasm-bindgen wrapper over `Session`.
//!
//! **Architecture invariant:** this is the only module that names `wasm_bindgen` or
//! `js_sys`, and it names no analysis. Every method converts its arguments, makes one core
//! call and converts the result (`tests/tidy.rs` holds each to 15 lines). Arguments and
//! results cross as plain objects (serde-wasm-bindgen, the generated types in
//! `www/api/generated/`), never as positional parameters; errors as `WireError` objects.

use crate::dataset::DataFilter;
use crate::error::{Error, WireError};
use crate::ingest::{
    plan_split, FileOptions, IngestOptions, SourceFile, SplitHead, SplitPlan, SplitTail,
};
use crate::sample::SampleParams;
use crate::session::{ExportRequest, Session};
use crate::table::TableQuery;
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod help;

/// Version of the worker ↔ wasm protocol; the worker refuses a mismatch.
pub const PROTOCOL: u32 = 3;

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    // One JSON text, parsed by the engine's `JSON.parse`: several times faster than building
    // a large result (a cluster map's 20,000 points) value by value across the boundary, and
    // the numbers are exactly those of the CLI's `--json` (an f32 reads as its shortest
    // decimal, as serde_json writes it). Maps become plain objects.
    let text = serde_json::to_string(value).map_err(|e| fail(Error::invalid("result", e)))?;
    js_sys::JSON::parse(&text)
}

fn from_js<T: serde::de::DeserializeOwned + Default>(value: JsValue) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| fail(Error::invalid("request", e)))
}

fn required<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| fail(Error::invalid("request", e)))
}

fn fail(e: Error) -> JsValue {
    let w = WireError::from(&e);
    w.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|_| JsValue::from_str(&w.message))
}

/// Crate version and protocol, for the worker's `hello`.
#[wasm_bindgen(js_name = "portraitVersion")]
pub fn portrait_version() -> String {
    format!("{} protocol {}", env!("CARGO_PKG_VERSION"), PROTOCOL)
}

/// Protocol number the wasm module speaks.
#[wasm_bindgen(js_name = "protocolVersion")]
pub fn protocol_version() -> u32 {
    PROTOCOL
}

/// Files from this size on are worth splitting between two workers (`planSplit`).
#[wasm_bindgen(js_name = "splitMinBytes")]
pub fn split_min_bytes() -> f64 {
    crate::ingest::SPLIT_MIN_BYTES as f64
}

/// Where `planSplit` wants the window of a file of `size` bytes to start.
#[wasm_bindgen(js_name = "splitWindowStart")]
pub fn split_window_start(size: f64) -> f64 {
    SplitPlan::window_start(size as u64) as f64
}

/// Where to cut a large CSV for two workers (`SplitPlan`), or `null`: from its first 64 KiB
/// and the 64 KiB from `windowStart` (`splitWindowStart(size)`).
#[wasm_bindgen(js_name = "planSplit")]
pub fn plan_split_js(head: &[u8], window: &[u8], window_start: f64, size: f64) -> JsValue {
    let plan = plan_split(head, window, window_start as u64, size as u64);
    plan.map_or(JsValue::NULL, |p| to_js(&p).unwrap_or(JsValue::NULL))
}

/// One analysis session (the worker holds exactly one).
#[wasm_bindgen]
#[derive(Default)]
pub struct PortraitSession {
    inner: Session,
    pending: Vec<SourceFile>,
    /// A finished tail's `ParsedPart` bytes, until `takePart`.
    part: Vec<u8>,
}

#[wasm_bindgen]
impl PortraitSession {
    /// An empty session.
    #[wasm_bindgen(constructor)]
    pub fn new() -> PortraitSession {
        PortraitSession::default()
    }

    /// Detects format, encoding, headers and mapping of one file (bytes copied once).
    pub fn inspect(
        &self,
        name: String,
        bytes: Vec<u8>,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let options: FileOptions = from_js(options)?;
        let file = SourceFile { name, bytes };
        to_js(&self.inner.inspect(&file, &options).map_err(fail)?)
    }

    /// Queues a file for the next `startIngest` (the bytes are copied into wasm memory once).
    #[wasm_bindgen(js_name = "addFile")]
    pub fn add_file(&mut self, name: String, bytes: Vec<u8>) {
        self.pending.push(SourceFile { name, bytes });
    }

    /// Starts ingesting the queued files with `IngestOptions` (`{files, date_order}`).
    #[wasm_bindgen(js_name = "startIngest")]
    pub fn start_ingest(&mut self, options: JsValue) -> Result<(), JsValue> {
        let options: IngestOptions = from_js(options)?;
        self.inner
            .start_ingest(std::mem::take(&mut self.pending), options);
        Ok(())
    }

    /// Marks a queued file of the ingest just started as the head of a split file
    /// (`SplitHead`: `{file_index, plan, streamed}`).
    #[wasm_bindgen(js_name = "splitHead")]
    pub fn split_head(&mut self, head: JsValue) -> Result<(), JsValue> {
        let head: SplitHead = required(head)?;
        self.inner
            .split_head(head.file_index, head.plan, head.streamed)
            .map_err(fail)
    }

    /// The next chunk of the streamed file waiting in `need_bytes` (`last`: the final one).
    #[wasm_bindgen(js_name = "appendBytes")]
    pub fn append_bytes(&mut self, bytes: &[u8], last: bool) -> Result<(), JsValue> {
        self.inner.supply_bytes(bytes, last).map_err(fail)
    }

    /// Starts reading the tail of a split file: `bytes` are its prefix, then bytes `split..`
    /// (the first chunk of them when streamed); `tail` is `SplitTail` `{plan, options, streamed}`.
    #[wasm_bindgen(js_name = "startTail")]
    pub fn start_tail(
        &mut self,
        name: String,
        bytes: Vec<u8>,
        tail: JsValue,
    ) -> Result<(), JsValue> {
        let t: SplitTail = required(tail)?;
        let file = SourceFile { name, bytes };
        self.inner.start_tail(file, t.plan, t.options, t.streamed);
        Ok(())
    }

    /// Gives the waiting head its tail's bytes (`undefined` when the tail failed).
    #[wasm_bindgen(js_name = "supplyPart")]
    pub fn supply_part(&mut self, bytes: Option<Vec<u8>>) -> Result<(), JsValue> {
        self.inner.supply_part(bytes.as_deref()).map_err(fail)
    }

    /// The finished tail's bytes (once).
    #[wasm_bindgen(js_name = "takePart")]
    pub fn take_part(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.part)
    }

    /// Generates the sample shop (`SampleParams`; defaults from Rust) and starts ingesting it.
    #[wasm_bindgen(js_name = "startSample")]
    pub fn start_sample(&mut self, params: JsValue) -> Result<(), JsValue> {
        let params: SampleParams = from_js(params)?;
        self.inner.start_sample(params).map_err(fail)
    }

    /// Advances the ingest: a `Step` (`{kind: "progress", …}`, `need_part`, `need_bytes`,
    /// `part` — its bytes wait in `takePart` — or `done`: call `summary`).
    pub fn step(&mut self, budget_rows: u32) -> Result<JsValue, JsValue> {
        let step = self.inner.step(budget_rows as usize).map_err(fail)?;
        if let Some(bytes) = self.inner.take_part() {
            self.part = bytes;
        }
        to_js(&step)
    }

    /// What the loaded data is (`IngestSummary`).
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.summary().map_err(fail)?)
    }

    /// Drops the running ingest or stepped fit.
    pub fn cancel(&mut self) {
        self.pending.clear();
        self.part = Vec::new();
        self.inner.cancel();
    }

    /// Fits analyses `kinds` (none: the report's) with their defaults (`Session::warm`).
    pub fn warm(&mut self, kinds: JsValue) -> Result<(), JsValue> {
        let kinds: Option<Vec<String>> = from_js(kinds)?;
        self.inner.warm(&kinds.unwrap_or_default()).map_err(fail)
    }

    /// Forgets all data.
    pub fn clear(&mut self) {
        *self = PortraitSession::default();
    }

    /// Sets the global filter (`DataFilter`) for every analysis; answers `DataFacts`.
    #[wasm_bindgen(js_name = "setFilter")]
    pub fn set_filter(&mut self, filter: JsValue) -> Result<JsValue, JsValue> {
        let filter: DataFilter = from_js(filter)?;
        to_js(&self.inner.set_filter(&filter).map_err(fail)?)
    }

    /// Runs analysis `kind` with `params` (missing fields take their defaults): `{state:
    /// "done", output}` or, for a stepped fit, `{state: "working", done, total, waiting}`.
    pub fn run(&mut self, kind: String, params: JsValue) -> Result<JsValue, JsValue> {
        let params: serde_json::Value = from_js(params)?;
        to_js(&self.inner.run(&kind, &params).map_err(fail)?)
    }

    /// Advances the stepped fit `run` started, by about `budget` units of work.
    #[wasm_bindgen(js_name = "stepRun")]
    pub fn step_run(&mut self, budget: u32) -> Result<JsValue, JsValue> {
        to_js(&self.inner.step_run(budget.into()).map_err(fail)?)
    }

    /// One page of the customer table (`TableQuery` → `TablePage`).
    pub fn table(&mut self, query: JsValue) -> Result<JsValue, JsValue> {
        let query: TableQuery = from_js(query)?;
        to_js(&self.inner.table(&query).map_err(fail)?)
    }

    /// The export (`ExportRequest`: the report, or one analysis) as JSON text, identical to
    /// `portrait report --json` / `portrait KIND --json`.
    pub fn export(&mut self, request: JsValue) -> Result<String, JsValue> {
        let request: ExportRequest = from_js(request)?;
        self.inner.export(&request).map_err(fail)
    }

    /// The export as a file's bytes (`Uint8Array`): any format, an XLSX workbook included.
    #[wasm_bindgen(js_name = "exportFile")]
    pub fn export_file(&mut self, request: JsValue) -> Result<Vec<u8>, JsValue> {
        let request: ExportRequest = from_js(request)?;
        self.inner.export_file(&request).map_err(fail)
    }
}
