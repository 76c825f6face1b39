//! Discovery, reading and parsing.
