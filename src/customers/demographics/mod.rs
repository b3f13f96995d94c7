//! Who each customer is (the basic dimension of the portrait): gender, age and age band,
//! region, city, occupation, education, income, member level, signup date and tenure, and a
//! masked email, phone and name — read from the customers table and joined to the customers
//! of the orders by id. Kind `demographics`.
//!
//! Joined on the id as written: a customer of the orders with no row in the customer list
//! has nulls here (the join report counts them); when an id has several rows, the first is
//! used. Age is whole years at the data's last day `L` from the birth date, else the age
//! column as given; tenure is days from signup to `L`. Without a customers file every
//! column is null, and the output says so.

mod algorithm;
mod analysis;
#[cfg(test)]
mod tests;

pub use algorithm::{demographics, Demographics, AGE_BANDS, GENDERS};
pub use analysis::{DemographicsAnalysis, DemographicsSummary};
