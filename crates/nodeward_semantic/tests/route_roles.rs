//! What each parameter of a handler is given, per framework: the starting
//! points of the dataflow queries.

mod common;

use nodeward_semantic::routes::build_routes;

/// `method path` → the labels of every handler's and middleware's
/// parameters, as `name(role, …)`.
fn roles(files: &[(&str, &str)]) -> Vec<String> {
    let project = common::project(files);
    let table = build_routes(&project);
    let mut out: Vec<String> = table
        .routes
        .iter()
        .map(|r| {
            let show = |h: &nodeward_semantic::routes::Handler| {
                let labels: Vec<String> = h.roles.iter().map(|x| x.label()).collect();
                format!("{}({})", h.name, labels.join(", "))
            };
            let mw: Vec<String> = r.middleware.iter().map(show).collect();
            let hs: Vec<String> = r.handlers.iter().map(show).collect();
            format!(
                "{} {} [{}] {}",
                r.method,
                r.path,
                mw.join(" "),
                hs.join(" ")
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn express_handlers_error_handlers_and_param_handlers() {
    let got = roles(&[(
        "app.js",
        "const express = require('express');
const app = express();
const router = express.Router();
router.param('id', function loadUser(req, res, next, id) { next(); });
router.get('/users/:id', (req, res) => res.json({}));
app.use('/api', router);
app.use(function onError(err, req, res, next) { res.status(500).end(); });
app.listen(3000);
",
    )]);
    assert!(
        got.iter().any(|r| r
            == "GET /api/users/:id [loadUser(request, response, next, params.id)] anonymous(request, response)"),
        "{got:#?}"
    );
    assert!(
        got.iter().any(
            |r| r.starts_with("USE ") && r.ends_with("onError(error, request, response, next)")
        ),
        "{got:#?}"
    );
}

#[test]
fn koa_gets_a_context_and_fastify_a_request_and_reply() {
    let koa = roles(&[(
        "app.js",
        "const Koa = require('koa');
const Router = require('@koa/router');
const app = new Koa();
const router = new Router();
router.get('/a', async (ctx, next) => { ctx.body = 'a'; });
app.use(router.routes());
app.listen(3000);
",
    )]);
    assert!(
        koa.iter()
            .any(|r| r.starts_with("GET /a ") && r.ends_with("anonymous(context, next)")),
        "{koa:#?}"
    );
    let fastify = roles(&[(
        "app.js",
        "const fastify = require('fastify')();
fastify.get('/b', async (request, reply) => reply.send('b'));
fastify.listen({ port: 3000 });
",
    )]);
    assert!(
        fastify
            .iter()
            .any(|r| r.starts_with("GET /b ") && r.ends_with("anonymous(request, response)")),
        "{fastify:#?}"
    );
}

#[test]
fn nest_parameters_take_their_decorators_roles() {
    let got = roles(&[
        (
            "src/main.ts",
            "import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3000);
}
bootstrap();
",
        ),
        (
            "src/app.module.ts",
            "import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';
@Module({ controllers: [UsersController] })
export class AppModule {}
",
        ),
        (
            "src/users.controller.ts",
            "import { Controller, Post, Body, Param, Req, Headers } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Post(':id')
  update(@Param('id') id: string, @Body() dto: any, @Req() req: any, @Headers('x-key') key: string, extra: number) {}
}
",
        ),
    ]);
    assert!(
        got.iter().any(|r| r
            .ends_with("UsersController.update(params.id, body, request, headers.x-key, other)")),
        "{got:#?}"
    );
}

#[test]
fn fastify_routes_keep_their_schema() {
    let project = common::project(&[
        (
            "app.js",
            "const fastify = require('fastify')();
const { userSchema } = require('./schemas');
fastify.route({ method: 'POST', url: '/users', schema: { body: userSchema }, handler: async (req) => req.body });
fastify.get('/users/:id', { schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 24 } } } } }, async (req) => req.params.id);
fastify.get('/plain', async () => 'ok');
fastify.listen({ port: 3000 });
",
        ),
        (
            "schemas.js",
            "exports.userSchema = { type: 'object', properties: { name: { type: 'string', maxLength: 64 } } };\n",
        ),
    ]);
    let table = build_routes(&project);
    let schema_keys = |path: &str| {
        let r = table.routes.iter().find(|r| r.path == path).expect(path);
        r.schema(&project).map(|(_, v)| match v {
            nodeward_semantic::model::Val::Object(props) => {
                props.iter().map(|(k, _)| k.to_string()).collect::<Vec<_>>()
            }
            _ => unreachable!("schema() gives objects"),
        })
    };
    assert_eq!(schema_keys("/users"), Some(vec!["body".to_string()]));
    assert_eq!(schema_keys("/users/:id"), Some(vec!["params".to_string()]));
    assert_eq!(schema_keys("/plain"), None);
    // The body schema is followed into the file that defines it.
    let users = table.routes.iter().find(|r| r.path == "/users").unwrap();
    let (f, schema) = users.schema(&project).unwrap();
    let (bf, body) = project.resolve(f, schema.prop("body").unwrap());
    assert_eq!(project.file(bf).path, "schemas.js");
    assert!(body.prop("properties").is_some());
}
