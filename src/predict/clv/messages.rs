//! The English wording of the lifetime-value analysis's own message codes (the page words
//! them per language in `www/features/clv/messages.ts`).

use crate::message::Catalogue;

pub const MESSAGES: Catalogue = &[
    ("clv.horizon", "horizon_days must be between 1 and {max} (got {got})"),
    ("clv.discount", "discount_monthly must be between 0 and {max} (got {got})"),
    ("clv.calibration_end", "calibration_end \"{value}\" is not a date (YYYY-MM-DD)"),
    (
        "clv.not_enough_repeat_buyers",
        "not enough repeat buyers to predict (found {found}, need at least {need}): the models learn from customers who came back. Load a longer order history, or all channels' orders",
    ),
    (
        "clv.not_converged",
        "the {model} fit did not converge ({detail}); try the other model, the week unit, or a longer history",
    ),
    (
        "clv.parameter_runaway",
        "the {model} fit has no optimum: parameter {parameter} ran off to {value}, so the data do not pin it down; try the other model or a longer history",
    ),
    (
        "clv.value_not_enough",
        "order values cannot be modelled: {found} repeat buyers with a positive order value, need at least {need}; lifetime value is left out",
    ),
    (
        "clv.value_heavy_tail",
        "order values are too heavy-tailed for the Gamma-Gamma model (q = {q}, needs q > 1: the average order value would be infinite); lifetime value is left out",
    ),
    (
        "clv.value_not_converged",
        "the Gamma-Gamma fit of order values did not converge ({detail}); lifetime value is left out",
    ),
    (
        "clv.validation_not_enough",
        "no validation: up to the calibration end {calibration_end} there are {found} repeat buyers, need at least {need}; choose a later calibration end",
    ),
    (
        "clv.validation_outside",
        "no validation: the calibration end {calibration_end} must fall between the first day {first} and the day before the last {last}",
    ),
    (
        "clv.validation_failed",
        "no validation: the model could not be fitted on the calibration period ({reason})",
    ),
    (
        "clv.small_shop",
        "a small history ({customers} customers over {days} days): predictions are possible but uncertain, the intervals show how much; Klaviyo waits for 500 customers and 180 days, GA4 for 1,000 buyers",
    ),
    (
        "clv.value_correlated",
        "order value and purchase frequency are correlated ({correlation}); the Gamma-Gamma model assumes they are not, so lifetime values lean that way",
    ),
    (
        "clv.dropout_held",
        "the {model} fit runs towards customers who all drop out alike (mean dropout {dropout}): the spread of dropout is not identified by this data, so it is held small (concentration {ridge}), at a cost of {loss} in mean log-likelihood",
    ),
    (
        "clv.no_dropout",
        "the {model} fit finds almost no dropout in this history: nearly every customer counts as still a customer, so P(alive) cannot tell them apart; read it with the days since the last order",
    ),
    (
        "clv.holdout_off",
        "on the holdout the model expected {predicted} purchases and {actual} were made ({off}): a season, a campaign or a trend the model does not know; read the predictions as a baseline",
    ),
    (
        "clv.pareto_no_dropout",
        "the {model} fit finds no dropout in this history (its dropout rate runs to zero, where the model becomes the NBD and its series grow without bound); use the BG/NBD, which fits this case",
    ),
    ("clv.no_purchases", "there are no purchase lines to model"),
];
