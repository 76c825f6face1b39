import Database from 'better-sqlite3';

const db = new Database('notes.db');

export function notesByTag(tag) {
  return db.prepare(`SELECT * FROM notes WHERE tag = '${tag}'`).all(); // expect: sql-injection
}

export function renameNote(id, title) {
  db.exec("UPDATE notes SET title = '" + title + "' WHERE id = " + Number(id)); // expect: sql-injection
  return { ok: true };
}
