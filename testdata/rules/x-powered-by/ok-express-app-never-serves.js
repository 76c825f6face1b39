#!/usr/bin/env node
// scripts/prerender.js - writes the public marketing pages to dist/ at build
// time with the same Pug views and locals as the site. The Express app is only
// a view renderer here: no routes, no listen, nothing is served from it.
const fs = require('fs/promises');
const path = require('path');
const express = require('express');

const site = express();
site.set('view engine', 'pug');
site.set('views', path.join(__dirname, '..', 'views'));
site.locals.year = new Date().getFullYear();

const pages = ['index', 'pricing', 'about'];

function render(view) {
  return new Promise((resolve, reject) => {
    site.render(view, { page: view }, (err, html) => (err ? reject(err) : resolve(html)));
  });
}

async function main() {
  const out = path.join(__dirname, '..', 'dist');
  await fs.mkdir(out, { recursive: true });
  for (const page of pages) {
    await fs.writeFile(path.join(out, `${page}.html`), await render(page));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
