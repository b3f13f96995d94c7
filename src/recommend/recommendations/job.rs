//! The stepped fit: the recommenders on every purchase, every customer's list, and — when
//! asked — every method again on the purchases before the holdout and its lists measured.
//! One task a step (a fit, an ALS alternation, a chunk of customers), so the worker posts
//! progress and takes a cancel between two. Where the page has a second worker, the fit
//! hands it a task at a time (`help.rs`): item-CF while ALS is fitted here, the later half of
//! the lists while this worker makes the first; what comes back is what this worker would
//! have made, so the lists do not depend on whether it helped.

use super::algorithm::{list, Filter, Fitted, Products, Rec, Scratch};
use super::evaluation::{Columns, Holdout};
use super::help::{self, Answer, How, Question};
use super::messages::MESSAGES;
use super::output::{AppliedFilters, RecommendAudience};
use super::params::{Method, RecommendValidParams};
use super::summary::{summarise, Evaluated, Lists, Recommendations};
use crate::analysis::{Context, Job, Work};
use crate::error::Error;
use crate::message::Message;
use crate::recommend::lists::{AlsFitting, Evaluation, ItemCf};
use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};

/// Customers a scoring task makes lists for.
const CHUNK: usize = 2_000;

/// Products below which item-CF is fitted in one worker.
const SPLIT_ITEMS: usize = 2_000;

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
    /// Item-CF of the items before this one (the second worker has the rest).
    ItemCfFirst(Which, usize),
    /// Item-CF of the items from this one on (the second worker could not).
    ItemCfRest(Which, usize),
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
            | Task::ItemCfFirst(w, _)
            | Task::ItemCfRest(w, _)
            | Task::Content(w)
            | Task::AlsStart(w)
            | Task::AlsIteration(w)
            | Task::AlsEnd(w) => Some(w),
            Task::Score(..) | Task::Evaluate(..) => None,
        }
    }
}

/// The work handed to the second worker and not yet answered.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Out {
    /// The item-CF fit of these purchases, of the items from `from` on.
    ItemCf { which: Which, from: usize },
    /// The lists of the targets `from..to`: `tasks` scoring tasks.
    Lists { from: usize, to: usize, tasks: u64 },
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
    /// Work the second worker is doing.
    out: Option<Out>,
    /// The lists it made, which follow this worker's: each answer's customers come before
    /// those of the answers received earlier (an offer hands out the later half of the lists
    /// still to make here).
    helped: Vec<Lists>,
    /// Its item-CF neighbours of the later items, until this worker's are made.
    later_items: Option<ItemCf>,
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

/// Where item-CF's items are cut between the two workers: an item's row costs about as many
/// customers' rows as it has buyers, and the second worker also reads the question and
/// transposes the matrix, so it gets well under half of the buyers (in the tab, on the 1M-line
/// peer file, 45 % of them kept this worker waiting 135 ms of 355).
fn split_items(buyers: &[u32]) -> usize {
    let total: u64 = buyers.iter().map(|&b| u64::from(b)).sum();
    let mut sum = 0u64;
    for (i, &b) in buyers.iter().enumerate() {
        if sum * 100 >= total * 62 {
            return i.max(1);
        }
        sum += u64::from(b);
    }
    buyers.len() / 2
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
            out: None,
            helped: Vec::new(),
            later_items: None,
        }
    }

    /// True while this worker's part of item-CF on `which` is still to be made.
    fn first_items_queued(&self, which: Which) -> bool {
        self.tasks
            .iter()
            .any(|t| matches!(t, Task::ItemCfFirst(w, _) if *w == which))
    }

    /// How the lists are made.
    fn how(&self) -> How {
        How {
            method: self.p.method,
            weights: self.p.weights,
            k: self.p.k,
        }
    }

    /// True when the next task (or, with none left, the end) needs the open offer's answer.
    fn blocked(&self) -> bool {
        match (self.out, self.tasks.front()) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(Out::ItemCf { which, .. }), Some(t)) => match t {
                Task::Score(..) => which == Which::All,
                Task::Evaluate(..) => which == Which::Train,
                _ => false,
            },
            (Some(_), Some(_)) => false,
        }
    }

    /// The next task as a question for the second worker: an item-CF fit that has other fits
    /// to run beside it, or the later half of the lists about to be made here.
    fn offer(&mut self) -> Result<Option<Vec<u8>>, Error> {
        if self.out.is_some() {
            return Ok(None);
        }
        match self.tasks.front().copied() {
            Some(Task::ItemCf(w)) => {
                // the whole fit where other fits run here meanwhile, else the later half
                let beside =
                    |t: &Task| matches!(t, Task::AlsStart(v) | Task::Content(v) if *v == w);
                let whole = self.tasks.iter().any(beside);
                let (shrinkage, neighbours) = (self.p.shrinkage, self.p.neighbours);
                let f = self.fitted(w)?;
                let n = f.x.n_items();
                if !whole && n < SPLIT_ITEMS {
                    return Ok(None);
                }
                let from = if whole { 0 } else { split_items(&f.buyers) };
                let bytes = help::ask(&Question::ItemCf {
                    x: Cow::Borrowed(&f.x),
                    shrinkage,
                    neighbours,
                    items: (from, n),
                })?;
                self.tasks.pop_front();
                if !whole {
                    self.tasks.push_front(Task::ItemCfFirst(w, from));
                }
                self.out = Some(Out::ItemCf { which: w, from });
                Ok(Some(bytes))
            }
            Some(Task::Score(..)) => {
                let scoring: Vec<(usize, usize)> = self
                    .tasks
                    .iter()
                    .map_while(|t| match *t {
                        Task::Score(from, to) => Some((from, to)),
                        _ => None,
                    })
                    .collect();
                if scoring.len() < 2 {
                    return Ok(None);
                }
                // the later half, whose lists come after this worker's
                let kept = scoring.len() - scoring.len() / 2;
                let (from, to) = (scoring[kept].0, scoring[scoring.len() - 1].1);
                let how = self.how();
                let f = self.all.as_ref().ok_or_else(|| {
                    Error::InvalidRequest("the recommenders are not fitted".into())
                })?;
                let bytes = help::ask(&Question::Lists {
                    fitted: Cow::Borrowed(f),
                    how,
                    filter: Cow::Borrowed(&self.filter),
                    targets: Cow::Borrowed(&self.targets[from..to]),
                })?;
                self.tasks.drain(kept..scoring.len());
                self.out = Some(Out::Lists {
                    from,
                    to,
                    tasks: (scoring.len() - kept) as u64,
                });
                Ok(Some(bytes))
            }
            _ => Ok(None),
        }
    }

    /// The second worker's answer to the open offer; without one, the work is queued here.
    fn accept(&mut self, bytes: Option<&[u8]>) -> Result<(), Error> {
        let out = self
            .out
            .take()
            .ok_or_else(|| Error::InvalidRequest("no work was handed out".into()))?;
        let answer = bytes.map(help::read).transpose()?;
        match (out, answer) {
            (Out::ItemCf { which, from: 0 }, Some(Answer::ItemCf(cf))) => {
                self.fitted(which)?.itemcf = Some(cf);
                self.done += 1;
            }
            (Out::ItemCf { which, .. }, Some(Answer::ItemCf(later))) => {
                let first = self.first_items_queued(which);
                match self.fitted(which)?.itemcf.as_mut() {
                    Some(cf) if !first => cf.append(later),
                    _ => self.later_items = Some(later),
                }
            }
            (Out::ItemCf { which, from: 0 }, None) => self.tasks.push_front(Task::ItemCf(which)),
            (Out::ItemCf { which, from }, None) => {
                // right after this worker's part
                let at = self
                    .tasks
                    .iter()
                    .position(|t| matches!(t, Task::ItemCfFirst(w, _) if *w == which))
                    .map_or(0, |i| i + 1);
                self.tasks.insert(at, Task::ItemCfRest(which, from));
            }
            (Out::Lists { from, to, tasks }, Some(Answer::Lists(lists))) => {
                if lists.customers.as_slice() != &self.targets[from..to] {
                    return Err(Error::InvalidRequest(
                        "the helper's lists are of other customers".into(),
                    ));
                }
                self.helped.push(lists);
                self.done += tasks;
            }
            (Out::Lists { from, to, .. }, None) => {
                // after the lists still to be made here
                let at = self
                    .tasks
                    .iter()
                    .rposition(|t| matches!(t, Task::Score(..)))
                    .map_or(0, |i| i + 1);
                for (k, start) in (from..to).step_by(CHUNK).enumerate() {
                    self.tasks
                        .insert(at + k, Task::Score(start, (start + CHUNK).min(to)));
                }
            }
            (out, Some(_)) => {
                return Err(Error::InvalidRequest(format!(
                    "the helper answered another question than {out:?}"
                )))
            }
        }
        Ok(())
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
            Task::ItemCfFirst(w, to) => {
                let (shrinkage, neighbours) = (p.shrinkage, p.neighbours);
                let later = self.later_items.take();
                let f = self.fitted(w)?;
                let mut cf = ItemCf::fit_items(&f.x, shrinkage, neighbours, 0..to);
                if let Some(later) = later {
                    cf.append(later);
                }
                f.itemcf = Some(cf);
            }
            Task::ItemCfRest(w, from) => {
                let (shrinkage, neighbours) = (p.shrinkage, p.neighbours);
                let f = self.fitted(w)?;
                let rest = ItemCf::fit_items(&f.x, shrinkage, neighbours, from..f.x.n_items());
                match f.itemcf.as_mut() {
                    Some(cf) => cf.append(rest),
                    None => f.itemcf = Some(rest),
                }
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
        let how = self.how();
        let f = self
            .all
            .as_ref()
            .ok_or_else(|| Error::InvalidRequest("the recommenders are not fitted".into()))?;
        help::lists_of(
            f,
            &how,
            &self.filter,
            &self.targets[from..to],
            &mut self.lists,
        );
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

    fn finish(mut self, cx: &Context<'_>) -> Result<Recommendations, Error> {
        for helped in std::mem::take(&mut self.helped).into_iter().rev() {
            self.lists.append(helped);
        }
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
        while !f.blocked() {
            let Some(task) = f.tasks.pop_front() else {
                break;
            };
            f.run(task, cx).map_err(|e| e.worded_by(MESSAGES))?;
            f.done += 1;
            spent = spent.saturating_add(TASK_COST);
            if spent >= budget {
                break;
            }
        }
        if !f.tasks.is_empty() || f.out.is_some() {
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
            waiting: self.0.as_ref().is_some_and(Fitting::blocked),
        }
    }

    fn offer(&mut self) -> Option<Vec<u8>> {
        // a question that cannot be written is work done here instead
        self.0.as_mut().and_then(|f| f.offer().ok().flatten())
    }

    fn accept(&mut self, answer: Option<&[u8]>) -> Result<(), Error> {
        match self.0.as_mut() {
            Some(f) => f.accept(answer).map_err(|e| e.worded_by(MESSAGES)),
            None => Err(Error::InvalidRequest(
                "the recommendations have finished".into(),
            )),
        }
    }
}
