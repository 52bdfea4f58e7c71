//! The browser front end.
