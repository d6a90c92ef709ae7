//! The model: constructors and their errors, the cell codes, money as printed, layouts,
//! the seed report, and the properties of assembled reports.

mod api_shape;
mod cells;
mod constructors;
mod layouts;
mod money;
mod props;
mod seed;
mod send_sync;
