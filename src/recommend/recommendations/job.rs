//! The stepped fit: the recommenders on every purchase, every customer's list, and — when
//! asked — every method again on the purchases before the holdout and its lists measured.
//! One task a step (a fit, an ALS alternation, a chunk of customers), so the worker posts
//! progress and takes a cancel between two.

use super::algorithm::{list, Filter, Fitted, Products, Rec, Scratch};
use super::evaluation::{Columns, Holdout};
use super::messages::MESSAGES;
use super::output::{AppliedFilters, RecommendAudience};
use super::params::{Method, RecommendValidParams};
use super::summary::{summarise, Evaluated, Lists, Recommendations};
use crate::analysis::{Context, Job, Work};
use crate::error::Error;
use crate::message::Message;
use crate::recommend::lists::{AlsFitting, Evaluation, ItemCf};
use std::collections::{HashMap, VecDeque};

/// Customers a scoring task makes lists for.
const CHUNK: usize = 2_000;

/// The work units a task counts as: the worker's budget of a step (`RUN_BUDGET`), so the tab
/// runs one task a step and the CLI, with no budget, all at once.
const TASK_COST: u64 = 50_000;

/// Item pairs whose cosine the evaluation keeps (about 24 MB at most).
const MEMO_PAIRS: usize = 1 << 20;

/// Which purchases a fit is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    /// Every purchase: the lists.
    All,
    /// Those before the holdout: the evaluation.
    Train,
}

/// One unit of work.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Task {
    Base(Which),
    ItemCf(Which),
    Content(Which),
    AlsStart(Which),
    AlsIteration(Which),
    AlsEnd(Which),
    /// Lists of the targets `from..to`.
    Score(usize, usize),
    /// Lists of `method` for the measured customers `from..to`.
    Evaluate(Method, usize, usize),
}

impl Task {
    fn on(self) -> Option<Which> {
        match self {
            Task::Base(w)
            | Task::ItemCf(w)
            | Task::Content(w)
            | Task::AlsStart(w)
            | Task::AlsIteration(w)
            | Task::AlsEnd(w) => Some(w),
            Task::Score(..) | Task::Evaluate(..) => None,
        }
    }
}

/// What the fits of one set of purchases need.
struct Needs {
    itemcf: bool,
    content: bool,
    als: bool,
}

/// A fit in progress: its tasks, and what they have made so far.
pub struct Fitting {
    p: RecommendValidParams,
    products: Products,
    filter: Filter,
    applied: AppliedFilters,
    audience: Option<RecommendAudience>,
    /// Customers given a list, in customer order.
    targets: Vec<u32>,
    tasks: VecDeque<Task>,
    done: u64,
    total: u64,
    all: Option<Fitted>,
    train: Option<Fitted>,
    als: Option<AlsFitting>,
    lists: Lists,
    holdout: Option<Holdout>,
    columns: Option<Columns>,
    evaluations: Vec<(Method, Evaluation)>,
    /// Cosines of item pairs the evaluation's diversity has computed.
    memo: HashMap<(u32, u32), f64>,
    notes: Vec<Message>,
}

fn needs(method: Method, p: &RecommendValidParams, described: bool) -> Needs {
    let w = &p.weights;
    match method {
        Method::Popular | Method::Trending => Needs {
            itemcf: false,
            content: false,
            als: false,
        },
        Method::Itemcf => Needs {
            itemcf: true,
            content: false,
            als: false,
        },
        Method::Content => Needs {
            itemcf: false,
            content: described,
            als: false,
        },
        // item-CF for the customers of one order
        Method::Als => Needs {
            itemcf: true,
            content: false,
            als: true,
        },
        Method::Hybrid => Needs {
            itemcf: w.itemcf > 0.0,
            content: described && w.content > 0.0,
            als: w.als > 0.0,
        },
    }
}

fn plan(tasks: &mut VecDeque<Task>, which: Which, n: &Needs, iterations: usize) {
    tasks.push_back(Task::Base(which));
    if n.itemcf {
        tasks.push_back(Task::ItemCf(which));
    }
    if n.content {
        tasks.push_back(Task::Content(which));
    }
    if n.als {
        tasks.push_back(Task::AlsStart(which));
        tasks.extend(std::iter::repeat_n(Task::AlsIteration(which), iterations));
        tasks.push_back(Task::AlsEnd(which));
    }
}

impl Fitting {
    /// The fit of `p` for the customers `targets`.
    pub fn new(
        p: RecommendValidParams,
        products: Products,
        filter: Filter,
        applied: AppliedFilters,
        audience: Option<RecommendAudience>,
        targets: Vec<u32>,
    ) -> Fitting {
        let described = products.described();
        let mut tasks = VecDeque::new();
        plan(
            &mut tasks,
            Which::All,
            &needs(p.method, &p, described),
            p.als.iterations,
        );
        for from in (0..targets.len()).step_by(CHUNK) {
            tasks.push_back(Task::Score(from, (from + CHUNK).min(targets.len())));
        }
        if p.evaluate {
            let every = Needs {
                itemcf: true,
                content: described,
                als: true,
            };
            plan(&mut tasks, Which::Train, &every, p.als.iterations);
        }
        let total = tasks.len() as u64;
        Fitting {
            p,
            products,
            filter,
            applied,
            audience,
            targets,
            tasks,
            done: 0,
            total,
            all: None,
            train: None,
            als: None,
            lists: Lists::default(),
            holdout: None,
            columns: None,
            evaluations: Vec::new(),
            memo: HashMap::new(),
            notes: Vec::new(),
        }
    }

    fn fitted(&mut self, which: Which) -> Result<&mut Fitted, Error> {
        let f = match which {
            Which::All => self.all.as_mut(),
            Which::Train => self.train.as_mut(),
        };
        f.ok_or_else(|| Error::InvalidRequest("the recommenders are not prepared".into()))
    }

    fn run(&mut self, task: Task, cx: &Context<'_>) -> Result<(), Error> {
        let data = cx.data;
        let p = &self.p;
        match task {
            Task::Base(Which::All) => {
                let all = Fitted::new(data, None, p.trending_days, &self.products, &self.filter);
                if all.x.n_users() == 0 {
                    return Err(Error::Refused(Message::new("recommend.no_purchases")));
                }
                self.all = Some(all);
            }
            Task::Base(Which::Train) => self.prepare_evaluation(data),
            Task::ItemCf(w) => {
                let (shrinkage, neighbours) = (p.shrinkage, p.neighbours);
                let f = self.fitted(w)?;
                f.itemcf = Some(ItemCf::fit(&f.x, shrinkage, neighbours));
            }
            Task::Content(w) => {
                let neighbours = p.neighbours;
                let f = match w {
                    Which::All => self.all.as_mut(),
                    Which::Train => self.train.as_mut(),
                };
                if let Some(f) = f {
                    f.fit_content(&self.products, neighbours);
                }
            }
            Task::AlsStart(w) => {
                let als = p.als;
                let f = self.fitted(w)?;
                let fitting = AlsFitting::new(&f.x, &als);
                self.als = Some(fitting);
            }
            Task::AlsIteration(w) => {
                let mut fitting = self.als.take();
                if let Some(a) = fitting.as_mut() {
                    a.iterate(&self.fitted(w)?.x);
                }
                self.als = fitting;
            }
            Task::AlsEnd(w) => {
                if let Some(fitting) = self.als.take() {
                    let als = fitting.finish();
                    let index = als.by_norm();
                    self.fitted(w)?.als = Some((als, index));
                }
            }
            Task::Score(from, to) => self.score(from, to)?,
            Task::Evaluate(method, from, to) => self.evaluate(method, from, to)?,
        }
        Ok(())
    }

    /// The training purchases, what the holdout holds, and the evaluation tasks.
    fn prepare_evaluation(&mut self, data: &crate::dataset::Dataset) {
        let p = &self.p;
        let Some(last) = data.last_day() else {
            let days = p.holdout_days as u64;
            self.skip_evaluation(Message::new("recommend.no_holdout").with("days", days));
            return;
        };
        let split = last - p.holdout_days;
        let train = Fitted::new(
            data,
            Some(split),
            p.trending_days,
            &self.products,
            &self.filter,
        );
        let holdout = Holdout::of(data, &train, split);
        if train.x.n_users() == 0 || holdout.relevant.is_empty() {
            self.skip_evaluation(
                Message::new("recommend.no_holdout").with("days", p.holdout_days as u64),
            );
            return;
        }
        let measured = holdout.relevant.len();
        let described = self.products.described();
        for method in Method::ALL {
            if method == Method::Content && !described {
                continue;
            }
            self.evaluations
                .push((method, Evaluation::new(p.k, train.x.n_items())));
            for from in (0..measured).step_by(CHUNK) {
                self.tasks
                    .push_back(Task::Evaluate(method, from, (from + CHUNK).min(measured)));
                self.total += 1;
            }
        }
        if !described {
            self.notes.push(Message::new("recommend.not_described"));
        }
        self.columns = Some(Columns::of(&train));
        self.train = Some(train);
        self.holdout = Some(holdout);
    }

    fn skip_evaluation(&mut self, why: Message) {
        let before = self.tasks.len();
        self.tasks.retain(|t| t.on() != Some(Which::Train));
        self.total -= (before - self.tasks.len()) as u64;
        self.notes.push(why);
    }

    fn score(&mut self, from: usize, to: usize) -> Result<(), Error> {
        let f = self
            .all
            .as_ref()
            .ok_or_else(|| Error::InvalidRequest("the recommenders are not fitted".into()))?;
        let mut scratch = Scratch::new(f);
        for &c in &self.targets[from..to] {
            let row = match f.row_of[c as usize] {
                crate::dataset::NONE => None,
                r => Some(r as usize),
            };
            let recs = list(
                f,
                self.p.method,
                &self.p.weights,
                row,
                self.p.k,
                &self.filter,
                &mut scratch,
            );
            let orders = row.map_or(0, |r| f.x.orders[r]);
            self.lists.push(c, orders, &recs);
        }
        Ok(())
    }

    fn evaluate(&mut self, method: Method, from: usize, to: usize) -> Result<(), Error> {
        let (Some(f), Some(h), Some(cols)) = (&self.train, &self.holdout, &self.columns) else {
            return Err(Error::InvalidRequest(
                "the evaluation is not prepared".into(),
            ));
        };
        let Some((_, e)) = self.evaluations.iter_mut().find(|(m, _)| *m == method) else {
            return Ok(());
        };
        let mut scratch = Scratch::new(f);
        let users = f.x.n_users().max(1) as f64;
        let mut items: Vec<u32> = Vec::new();
        let memo = &mut self.memo;
        for (c, relevant) in &h.relevant[from..to] {
            let row = match f.row_of[*c as usize] {
                crate::dataset::NONE => None,
                r => Some(r as usize),
            };
            let recs: Vec<Rec> = list(
                f,
                method,
                &self.p.weights,
                row,
                self.p.k,
                &self.filter,
                &mut scratch,
            );
            items.clear();
            items.extend(recs.iter().map(|r| r.item));
            e.add(
                &items,
                relevant,
                |i| f64::from(f.buyers[i as usize]) / users,
                |i, j| {
                    // lists share their best-sellers: each pair's cosine once
                    let key = (i.min(j), i.max(j));
                    if let Some(&c) = memo.get(&key) {
                        return c;
                    }
                    let c = cols.cosine(i, j);
                    if memo.len() < MEMO_PAIRS {
                        memo.insert(key, c);
                    }
                    c
                },
            );
        }
        Ok(())
    }

    fn finish(self, cx: &Context<'_>) -> Result<Recommendations, Error> {
        let all = self
            .all
            .ok_or_else(|| Error::InvalidRequest("the recommenders are not fitted".into()))?;
        let evaluated = match (self.train, self.holdout) {
            (Some(train), Some(holdout)) => Some(Evaluated {
                train_customers: train.x.n_users(),
                catalogue: train.x.n_items(),
                cold_start: holdout
                    .relevant
                    .iter()
                    .filter(|(c, _)| train.row_of[*c as usize] == crate::dataset::NONE)
                    .count(),
                mean_relevant: holdout.relevant.iter().map(|(_, r)| r.len()).sum::<usize>() as f64
                    / holdout.relevant.len().max(1) as f64,
                customers: holdout.relevant.len(),
                split_day: holdout.split_day,
                measures: self
                    .evaluations
                    .iter()
                    .map(|(m, e)| (*m, e.measures(train.x.n_items())))
                    .collect(),
            }),
            _ => None,
        };
        Ok(summarise(
            cx,
            &self.p,
            all,
            self.lists,
            evaluated,
            self.audience,
            self.applied,
            self.notes,
            &self.products,
        ))
    }
}

/// The stepped fit (`Fit::Job`): the fitting until it gives its model.
pub struct RecommendJob(pub Option<Fitting>);

impl Job for RecommendJob {
    type Model = Recommendations;

    fn step(
        &mut self,
        cx: &mut Context<'_>,
        budget: u64,
    ) -> Result<Option<Recommendations>, Error> {
        let Some(f) = self.0.as_mut() else {
            return Err(Error::InvalidRequest(
                "the recommendations have finished".into(),
            ));
        };
        // a task is about a step's worth of work in the tab: one a step, all at once natively
        let mut spent = 0u64;
        while let Some(task) = f.tasks.pop_front() {
            f.run(task, cx).map_err(|e| e.worded_by(MESSAGES))?;
            f.done += 1;
            spent = spent.saturating_add(TASK_COST);
            if spent >= budget {
                break;
            }
        }
        if !f.tasks.is_empty() {
            return Ok(None);
        }
        match self.0.take() {
            Some(done) => done.finish(cx).map(Some),
            None => Err(Error::InvalidRequest(
                "the recommendations have finished".into(),
            )),
        }
    }

    fn work(&self) -> Work {
        let (done, total) = self.0.as_ref().map_or((1, 1), |f| (f.done, f.total));
        Work {
            done,
            total: total.max(done).max(1),
        }
    }
}
