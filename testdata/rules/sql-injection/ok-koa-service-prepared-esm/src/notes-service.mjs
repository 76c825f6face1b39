import Database from 'better-sqlite3';

const db = new Database('notes.db');
const byTag = db.prepare('SELECT * FROM notes WHERE tag = ?');
const rename = db.prepare('UPDATE notes SET title = @title WHERE id = @id');

export function notesByTag(tag) {
  return byTag.all(tag);
}

// A prepared statement's run/get/all take bind values, not SQL.
export function renameNote(id, title) {
  const info = rename.run({ id: Number(id), title });
  const stmt = db.prepare('SELECT * FROM notes WHERE id = ? AND title = ?');
  return { changes: info.changes, note: stmt.get(id, title) };
}
