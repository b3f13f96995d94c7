//! The browser face: a thin wasm-bindgen wrapper over `Session`.
//!
//! **Architecture invariant:** this is the only module that names `wasm_bindgen` or
//! `js_sys`. Every method converts its arguments, makes one core call and converts the
//! result; no analytics happen here. Results cross as plain objects (serde-wasm-bindgen)
//! and errors as `WireError` objects `{code, message, file, line, column}`.

use crate::error::{Error, WireError};
use crate::ingest::{plan_split, FileOptions, IngestOptions, SourceFile, SplitPlan};
use crate::sample::SampleParams;
use crate::segment::rfm::RfmQuery;
use crate::session::{Session, SessionStep};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Version of the worker ↔ wasm protocol; the worker refuses a mismatch.
pub const PROTOCOL: u32 = 1;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // maps as plain objects, u64/i64 as numbers (all our counts fit in 2^53)
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&ser)
        .map_err(|e| wire(&Error::InvalidRequest(e.to_string())))
}

fn from_js<T: serde::de::DeserializeOwned + Default>(value: JsValue) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| wire(&Error::InvalidRequest(e.to_string())))
}

fn wire(e: &Error) -> JsValue {
    let w = WireError::from(e);
    w.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|_| JsValue::from_str(&w.message))
}

fn fail(e: Error) -> JsValue {
    wire(&e)
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

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum StepOut<'a> {
    Progress(&'a crate::ingest::Progress),
    Ready(&'a crate::session::IngestSummary),
    /// The head of split file `file_index` waits for `supplyPart`.
    NeedPart {
        file_index: usize,
    },
    /// Streamed file `file_index` waits for its next chunk (`appendBytes`).
    NeedBytes {
        file_index: usize,
    },
    /// The tail is read: `takePart()` returns its bytes.
    Part {
        bytes: usize,
    },
}

/// One analysis session (the worker holds exactly one).
#[wasm_bindgen]
pub struct PortraitSession {
    inner: Session,
    pending: Vec<SourceFile>,
    /// A finished tail's `ParsedPart` bytes, until `takePart`.
    part: Vec<u8>,
}

impl Default for PortraitSession {
    fn default() -> Self {
        Self::new()
    }
}

#[wasm_bindgen]
impl PortraitSession {
    /// An empty session.
    #[wasm_bindgen(constructor)]
    pub fn new() -> PortraitSession {
        PortraitSession {
            inner: Session::new(),
            pending: Vec::new(),
            part: Vec::new(),
        }
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

    /// Marks queued file `index` of the ingest just started as the head of a split file;
    /// `streamed`: its bytes are the first chunk, the rest comes by `appendBytes`.
    #[wasm_bindgen(js_name = "splitHead")]
    pub fn split_head(&mut self, index: u32, plan: JsValue, streamed: bool) -> Result<(), JsValue> {
        let plan: SplitPlan = serde_wasm_bindgen::from_value(plan)
            .map_err(|e| wire(&Error::InvalidRequest(e.to_string())))?;
        self.inner
            .split_head(index as usize, plan, streamed)
            .map_err(fail)
    }

    /// The next chunk of the streamed file waiting in `need_bytes` (`last`: the final one).
    #[wasm_bindgen(js_name = "appendBytes")]
    pub fn append_bytes(&mut self, bytes: &[u8], last: bool) -> Result<(), JsValue> {
        self.inner.supply_bytes(bytes, last).map_err(fail)
    }

    /// Starts reading the tail of a split file (`bytes`: the prefix, then bytes `split..`;
    /// with `streamed` only the first chunk of them, the rest by `appendBytes`).
    #[wasm_bindgen(js_name = "startTail")]
    pub fn start_tail(
        &mut self,
        name: String,
        bytes: Vec<u8>,
        plan: JsValue,
        options: JsValue,
        streamed: bool,
    ) -> Result<(), JsValue> {
        let plan: SplitPlan = serde_wasm_bindgen::from_value(plan)
            .map_err(|e| wire(&Error::InvalidRequest(e.to_string())))?;
        let options: IngestOptions = from_js(options)?;
        self.inner
            .start_tail(SourceFile { name, bytes }, plan, options, streamed);
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

    /// Generates the sample shop in wasm and starts ingesting it.
    #[wasm_bindgen(js_name = "startSample")]
    pub fn start_sample(&mut self, rows: u32, seed: u32) -> Result<(), JsValue> {
        let params = SampleParams {
            rows: rows as usize,
            seed: seed as u64,
        };
        self.inner.start_sample(params).map_err(fail)
    }

    /// Advances the ingest: `{kind: "progress", …Progress}` or `{kind: "ready", …IngestSummary}`.
    pub fn step(&mut self, budget_rows: u32) -> Result<JsValue, JsValue> {
        match self.inner.step(budget_rows as usize).map_err(fail)? {
            SessionStep::Progress(p) => to_js(&StepOut::Progress(&p)),
            SessionStep::Ready(s) => to_js(&StepOut::Ready(&s)),
            SessionStep::NeedPart(file_index) => to_js(&StepOut::NeedPart { file_index }),
            SessionStep::NeedBytes(file_index) => to_js(&StepOut::NeedBytes { file_index }),
            SessionStep::Part(bytes) => {
                self.part = bytes;
                to_js(&StepOut::Part {
                    bytes: self.part.len(),
                })
            }
        }
    }

    /// Drops the running ingest.
    pub fn cancel(&mut self) {
        self.pending.clear();
        self.part = Vec::new();
        self.inner.cancel();
    }

    /// Forgets all data.
    pub fn clear(&mut self) {
        self.pending.clear();
        self.part = Vec::new();
        self.inner.clear();
    }

    /// The data-quality report of the loaded data.
    pub fn quality(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.quality().map_err(fail)?)
    }

    /// Overview KPIs.
    pub fn overview(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.overview().map_err(fail)?)
    }

    /// RFM segment totals and R × F grid.
    #[wasm_bindgen(js_name = "rfmSummary")]
    pub fn rfm_summary(&mut self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.rfm_summary().map_err(fail)?)
    }

    /// One page of the RFM customer table (`RfmQuery`: search, segment, sort, descending, offset, limit).
    #[wasm_bindgen(js_name = "rfmPage")]
    pub fn rfm_page(&mut self, query: JsValue) -> Result<JsValue, JsValue> {
        let query: RfmQuery = from_js(query)?;
        to_js(&self.inner.rfm_page(&query).map_err(fail)?)
    }

    /// The full report as JSON text (identical to `portrait analyze --json`).
    #[wasm_bindgen(js_name = "reportJson")]
    pub fn report_json(&mut self) -> Result<String, JsValue> {
        self.inner.report_json().map_err(fail)
    }
}
