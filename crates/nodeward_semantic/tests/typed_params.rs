//! A parameter typed with a project class stands for an instance of it:
//! `this.users.find(…)` in a NestJS controller is the service's method.

mod common;

use nodeward_semantic::Val;

#[test]
fn a_constructor_parameter_property_resolves_to_its_class_methods() {
    let project = common::project(&[
        (
            "src/users.controller.ts",
            "import { UsersService } from './users.service';
export class UsersController {
  constructor(private readonly usersService: UsersService) {}
  find(body: any) {
    return this.usersService.findByName(body.name);
  }
}",
        ),
        (
            "src/users.service.ts",
            "export class UsersService {
  findByName(name: string) {
    return name;
  }
}",
        ),
    ]);
    let ctl = (0..project.files.len() as u32)
        .find(|&f| project.file(f).path.ends_with("controller.ts"))
        .unwrap();
    let call = project
        .file(ctl)
        .functions
        .iter()
        .flat_map(|f| &f.calls)
        .find(|c| matches!(c.call.callee.as_member(), Some((_, m)) if &**m == "findByName"))
        .expect("the call is recorded");
    let (file, v) = project.resolve(ctl, &call.call.callee);
    assert!(
        matches!(v, Val::Func(_)),
        "resolved to {v:?} in {}",
        project.file(file).path
    );
    assert!(project.file(file).path.ends_with("users.service.ts"));
}
