//! The outputs: the official layout as HTML, Markdown and text, and tidy cells.

mod render;
mod tidy;
