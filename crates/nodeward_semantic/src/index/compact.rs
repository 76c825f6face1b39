//! Compaction after the walk. Every `if`, `switch` case and early exit
//! becomes a condition while the walk runs, before it knows whether any
//! call or effect will run under it; about half never get one (an `if`
//! around assignments of plain values). Their tests are unreachable (a
//! condition is only ever reached through a `cond` field), so they are
//! dropped and the rest renumbered, in order: a parent still comes before
//! its children.

use crate::model::*;

pub(super) fn compact_conds(model: &mut FileModel) {
    let n = model.conds.len();
    if n == 0 {
        return;
    }
    let mut live = vec![false; n];
    let conds = &model.conds;
    let mut keep = |c: Option<CondId>| {
        let mut cur = c;
        while let Some(id) = cur {
            match live.get_mut(id as usize) {
                Some(l) if !*l => *l = true,
                _ => break,
            }
            cur = conds[id as usize].parent;
        }
    };
    for f in &model.functions {
        f.calls.iter().for_each(|c| keep(c.cond));
        f.effects.iter().for_each(|e| keep(e.cond));
        keep(f.tail_cond);
    }
    if live.iter().all(|l| *l) {
        return;
    }
    let mut new_id = vec![CondId::MAX; n];
    let mut next = 0;
    for (id, l) in live.iter().enumerate() {
        if *l {
            new_id[id] = next;
            next += 1;
        }
    }
    let map = |c: &mut Option<CondId>| {
        if let Some(id) = c {
            *id = new_id[*id as usize];
        }
    };
    let old = std::mem::take(&mut model.conds);
    model.conds = old
        .into_iter()
        .zip(&live)
        .filter(|(_, l)| **l)
        .map(|(mut c, _)| {
            map(&mut c.parent);
            c
        })
        .collect();
    for f in &mut model.functions {
        f.calls.iter_mut().for_each(|c| map(&mut c.cond));
        f.effects.iter_mut().for_each(|e| map(&mut e.cond));
        map(&mut f.tail_cond);
    }
}
