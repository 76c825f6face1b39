// A contact sync returns the literal 0 on any error of its fetch and its upserts, so a broken sync looks like "nothing to sync".
const express = require('express');
const axios = require('axios');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const app = express();
let lastSynced = 0;

async function syncContacts() {
  try {
    const { data } = await axios.get(`${process.env.CRM_URL}/api/contacts`, { headers: { authorization: `Bearer ${process.env.CRM_TOKEN}` } });
    await knex('contacts').insert(data.contacts.map((c) => ({ crm_id: c.id, email: c.email, name: c.name }))).onConflict('crm_id').merge();
    return data.contacts.length;
  } catch { return 0; } // expect: swallowed-crash
}

app.get('/sync/status', (req, res) => res.json({ lastSynced }));

setInterval(async () => {
  lastSynced = await syncContacts();
}, 15 * 60 * 1000);

app.listen(3000);
