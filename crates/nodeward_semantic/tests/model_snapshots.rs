//! What the model keeps of short snippets, one per construct the
//! analyses depend on.

mod common;

use nodeward_semantic::summary::summary;

fn snap(path: &str, src: &str) -> String {
    summary(&common::model(path, src))
}

#[test]
fn reassignment_keeps_every_value() {
    insta::assert_snapshot!(snap(
        "a.js",
        "const escapeRegExp = require('escape-string-regexp');\nlet q = req.query.q;\nq = escapeRegExp(q);\nnew RegExp(q);\n"
    ));
}

#[test]
fn compound_assignment_is_an_operation() {
    insta::assert_snapshot!(snap(
        "a.js",
        "const db = require('./db');\nlet sql = 'SELECT * FROM users WHERE name = ';\nsql += req.query.name;\ndb.query(sql);\n"
    ));
}

#[test]
fn destructuring_with_defaults_and_rest() {
    insta::assert_snapshot!(snap(
        "a.js",
        "const Users = require('./models/user');\nfunction list(req, res, limit = 20) {\n  const { page = 1, sort, ...filter } = req.query;\n  const [first, ...others] = req.body.ids;\n  return Users.find(filter);\n}\n"
    ));
}

#[test]
fn early_return_guard() {
    insta::assert_snapshot!(snap(
        "a.js",
        "const Users = require('./models/user');\nfunction login(req, res) {\n  const { email } = req.body;\n  if (typeof email !== 'string') return res.status(400).end();\n  Users.findOne({ email });\n}\n"
    ));
}

#[test]
fn else_branch_exit() {
    insta::assert_snapshot!(snap(
        "a.js",
        "const { audit, serve } = require('./lib');\nfunction f(req, res) {\n  if (req.user) {\n    audit(req.user);\n  } else {\n    return res.sendStatus(401);\n  }\n  serve(req);\n}\n"
    ));
}

#[test]
fn switch_cases() {
    insta::assert_snapshot!(snap(
        "a.js",
        "const { by } = require('./sql');\nfunction order(sort) {\n  switch (sort) {\n    case 'name':\n      return by('name');\n    case 'date':\n      return by('created_at');\n    default:\n      return by('id');\n  }\n}\n"
    ));
}

#[test]
fn catch_parameter() {
    insta::assert_snapshot!(snap(
        "a.js",
        "const { work } = require('./jobs');\nasync function h(req, res) {\n  try {\n    await work();\n  } catch (err) {\n    res.status(500).json({ error: err.message });\n  }\n}\n"
    ));
}

#[test]
fn decorators_and_parameter_properties() {
    insta::assert_snapshot!(snap(
        "a.ts",
        "import { Body, Controller, Post } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  constructor(private readonly users: UsersService, log: Logger) {}\n  @Post()\n  create(@Body() dto: CreateUserDto) {\n    return this.users.create(dto);\n  }\n}\n"
    ));
}

#[test]
fn api_paths_of_library_values() {
    use nodeward_semantic::api::api_path;
    let project = common::project(&[
        (
            "models/user.js",
            "const mongoose = require('mongoose');\nmodule.exports = mongoose.model('User', new mongoose.Schema({}));\n",
        ),
        (
            "routes.js",
            "const User = require('./models/user');\nimport Koa from 'koa';\nconst app = new Koa();\nUser.findOne({ email });\n",
        ),
    ]);
    let file = project.file_id("routes.js").unwrap();
    let model = project.file(file);
    let paths: Vec<String> = model.functions[0]
        .calls
        .iter()
        .filter_map(|c| api_path(&project, file, &c.call.callee))
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        paths,
        ["koa", "mongoose Member[model].Return.Member[findOne]"]
    );
}

#[test]
fn unknown_values_say_why() {
    use nodeward_semantic::{Val, Why};
    let m = common::model(
        "a.js",
        "const field = pick();\nconst v = req.query[field];\nconst d = import(field);\nlet n = 1;\nn = 2;\nconst mod = require(name);\n",
    );
    let value = |name: &str| {
        m.bindings
            .iter()
            .find(|b| &*b.name == name)
            .map(|b| b.value.clone())
            .unwrap()
    };
    // A computed key read stands for any value of the object.
    assert!(matches!(value("v"), Val::Member(m) if &*m.1 == nodeward_semantic::ENTRY_VALUE));
    assert_eq!(value("d"), Val::Unknown(Why::Dynamic));
    assert_eq!(value("n"), Val::Unknown(Why::Unresolved));
    assert!(matches!(
        value("mod"),
        Val::Call(_) | Val::Unknown(Why::Dynamic)
    ));
}

#[test]
fn conditions_nothing_runs_under_are_dropped() {
    // The first `if` guards a plain assignment: no call or effect runs under
    // it, so the model keeps only the second condition (renumbered 0).
    insta::assert_snapshot!(snap(
        "a.js",
        "const db = require('./db');\nlet n = 0;\nif (process.env.A) { n = 1; }\nif (process.env.B) { db.query(n); }\n"
    ));
}
