//! Work a recommendations fit hands to the page's second worker (`Job::offer`) and its
//! answer there (`Analysis::answer`): the item-CF fit while this worker fits ALS, and the
//! lists of the later customers while this worker makes the earlier ones' — the tail worker
//! is idle once the file is read. A question carries everything the work reads (bincode),
//! so the helper holds no data; the answer is what this worker would have computed, bit for
//! bit, since it is the same code on the same numbers.

use super::algorithm::{list, Filter, Fitted, Scratch};
use super::params::{Method, Weights};
use super::summary::Lists;
use crate::dataset::NONE;
use crate::error::Error;
use crate::recommend::lists::{Interactions, ItemCf};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How the lists are made: the method and the business filters.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct How {
    /// The method.
    pub method: Method,
    /// The hybrid's weights.
    pub weights: Weights,
    /// Products per list.
    pub k: usize,
}

/// A part of a fit's work. Borrowed where this worker asks, owned where the helper reads it.
#[derive(Serialize, Deserialize)]
pub enum Question<'a> {
    /// Fit item-CF on these interactions, the neighbours of the items `items.0..items.1`.
    ItemCf {
        /// The interactions.
        x: Cow<'a, Interactions>,
        /// The shrinkage λ.
        shrinkage: f64,
        /// Neighbours kept per item (0: all).
        neighbours: usize,
        /// The items.
        items: (usize, usize),
    },
    /// Make the lists of `targets` (customer numbers of the data, ascending).
    Lists {
        /// The fitted recommenders.
        fitted: Cow<'a, Fitted>,
        /// The method and its list length.
        how: How,
        /// The business filters.
        filter: Cow<'a, Filter>,
        /// The customers.
        targets: Cow<'a, [u32]>,
    },
}

/// What the helper gives back.
#[derive(Serialize, Deserialize)]
pub enum Answer {
    /// The item-CF neighbours of the items asked.
    ItemCf(ItemCf),
    /// The lists of the targets, in their order.
    Lists(Lists),
}

/// The bytes of `question`.
pub fn ask(question: &Question<'_>) -> Result<Vec<u8>, Error> {
    bincode::serialize(question).map_err(|e| Error::invalid("recommendations question", e))
}

/// The bytes of the answer to the question in `bytes`.
pub fn answer(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let question: Question<'static> =
        bincode::deserialize(bytes).map_err(|e| Error::invalid("recommendations question", e))?;
    let answer = match question {
        Question::ItemCf {
            x,
            shrinkage,
            neighbours,
            items: (from, to),
        } => Answer::ItemCf(ItemCf::fit_items(&x, shrinkage, neighbours, from..to)),
        Question::Lists {
            fitted,
            how,
            filter,
            targets,
        } => {
            let mut lists = Lists::default();
            lists_of(&fitted, &how, &filter, &targets, &mut lists);
            Answer::Lists(lists)
        }
    };
    bincode::serialize(&answer).map_err(|e| Error::invalid("recommendations answer", e))
}

/// The answer in `bytes`.
pub fn read(bytes: &[u8]) -> Result<Answer, Error> {
    bincode::deserialize(bytes).map_err(|e| Error::invalid("recommendations answer", e))
}

/// Appends the lists of the customers `targets` to `lists`.
pub fn lists_of(f: &Fitted, how: &How, filter: &Filter, targets: &[u32], lists: &mut Lists) {
    let mut scratch = Scratch::new(f);
    for &c in targets {
        let row = match f.row_of[c as usize] {
            NONE => None,
            r => Some(r as usize),
        };
        let recs = list(
            f,
            how.method,
            &how.weights,
            row,
            how.k,
            filter,
            &mut scratch,
        );
        let orders = row.map_or(0, |r| f.x.orders[r]);
        lists.push(c, orders, &recs);
    }
}
