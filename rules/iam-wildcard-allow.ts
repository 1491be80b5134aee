import { alternatives, listItems } from '../src/lint/alternatives';
import { Intrinsic } from '../src/model/intrinsics';
import type { Rule, RuleContext } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';
import type { TemplatePath } from '../src/parse';

/** Resource types whose `PolicyDocument` property is a policy document. */
const POLICY_DOCUMENT_TYPES: ReadonlySet<string> = new Set([
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy',
  'AWS::IAM::UserPolicy',
  'AWS::IAM::GroupPolicy',
  'AWS::S3::BucketPolicy',
  'AWS::SQS::QueuePolicy',
  'AWS::SQS::QueueInlinePolicy',
  'AWS::SNS::TopicPolicy',
  'AWS::SNS::TopicInlinePolicy',
]);

/** Identities with inline `Policies[].PolicyDocument` and `ManagedPolicyArns`. */
const IDENTITY_TYPES: ReadonlySet<string> = new Set(['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);

/** SAM resources whose `Policies` mixes inline documents, managed policy names/ARNs and policy templates. */
const SAM_TYPES: ReadonlySet<string> = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

/** The AWS managed policy that is `Allow * on *`, by ARN in any partition, or by name (SAM `Policies`). */
const ADMIN_POLICY_ARN = /^arn:(aws[a-z-]*|\$\{AWS::Partition\}):iam::aws:policy\/AdministratorAccess$/;

/**
 * Reports Allow statements that grant every action on every resource, the same grant as the
 * AdministratorAccess managed policy: whoever holds the role, or steals its credentials, owns the account.
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
 */
export const rule: Rule = {
  meta: {
    id: 'iam-wildcard-allow',
    severity: 'warning',
    category: 'practice',
    description: 'Disallow IAM Allow statements that grant every action on every resource',
    cfnLint: [],
    options: {},
    messages: {
      wildcard: 'Statement allows every action ("{{action}}") on every resource; list only the actions and resources this {{owner}} needs',
      notAction: 'Statement allows every action not listed in NotAction on {{resources}}; list the allowed actions in Action instead',
      notResource: 'Statement allows every action on every resource not listed in NotResource; list the actions and resources this {{owner}} needs',
      adminPolicy: 'AdministratorAccess allows every action on every resource; attach a policy with only the actions and resources this {{owner}} needs',
    },
  },
  create(context) {
    const template = context.template;
    return {
      resource: {
        '*': (visit) => {
          const type = visit.resource.Type;
          const props = visit.resource.Properties;
          if (typeof type !== 'string' || !isPlainObject(props)) return;
          const at = (key: string) => [...visit.path, 'Properties', key];
          const owner = ownerName(type);
          if (POLICY_DOCUMENT_TYPES.has(type)) checkDocument(context, props.PolicyDocument, at('PolicyDocument'), owner);
          if (IDENTITY_TYPES.has(type)) {
            for (const item of listItems(props.Policies, at('Policies'), template)) {
              if (isPlainObject(item.value)) checkDocument(context, item.value.PolicyDocument, [...item.path, 'PolicyDocument'], owner);
            }
            for (const arn of listItems(props.ManagedPolicyArns, at('ManagedPolicyArns'), template)) {
              if (isAdminPolicy(arn.value, false)) context.report({ path: arn.path, messageId: 'adminPolicy', data: { owner } });
            }
          }
          if (SAM_TYPES.has(type)) checkSamPolicies(context, props.Policies, at('Policies'), owner);
        },
      },
    };
  },
};

/** What the message calls the holder of the policy. */
function ownerName(type: string): string {
  if (type === 'AWS::IAM::Role' || type === 'AWS::IAM::User' || type === 'AWS::IAM::Group') return type.slice('AWS::IAM::'.length).toLowerCase();
  if (type.startsWith('AWS::Serverless::')) return 'function';
  if (type.startsWith('AWS::IAM::')) return 'policy';
  return 'resource policy';
}

/** SAM `Policies`: a managed policy name or ARN, an inline document, a policy template, or a list of those. */
function checkSamPolicies(context: RuleContext, value: unknown, path: TemplatePath, owner: string): void {
  const template = context.template;
  for (const item of listItems(value, path, template, true)) {
    if (isAdminPolicy(item.value, true)) context.report({ path: item.path, messageId: 'adminPolicy', data: { owner } });
    else if (isPlainObject(item.value) && 'Statement' in item.value) checkDocument(context, item.value, item.path, owner);
  }
}

/** True for the AdministratorAccess managed policy: its ARN (literal, `Fn::Sub` or `Fn::Join` with `AWS::Partition`) or, in SAM, its name. */
function isAdminPolicy(value: unknown, byName: boolean): boolean {
  if (typeof value === 'string') return ADMIN_POLICY_ARN.test(value) || (byName && value === 'AdministratorAccess');
  if (!(value instanceof Intrinsic)) return false;
  if (value.fn === 'Fn::Sub') {
    const text = Array.isArray(value.args) ? value.args[0] : value.args;
    return typeof text === 'string' && ADMIN_POLICY_ARN.test(text);
  }
  if (value.fn === 'Fn::Join' && Array.isArray(value.args) && typeof value.args[0] === 'string' && Array.isArray(value.args[1])) {
    const parts = value.args[1].map((p) => (typeof p === 'string' ? p : p instanceof Intrinsic && p.fn === 'Ref' && p.args === 'AWS::Partition' ? '${AWS::Partition}' : undefined));
    return parts.every((p) => p !== undefined) && ADMIN_POLICY_ARN.test(parts.join(value.args[0]));
  }
  return false;
}

/** Checks every statement of a policy document (an object, or a JSON string holding one). */
function checkDocument(context: RuleContext, value: unknown, path: TemplatePath, owner: string): void {
  const template = context.template;
  for (const doc of alternatives(value, path, template)) {
    let body: unknown = doc.value;
    let located = true;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
        located = false; // positions inside a JSON string are not in the source tree: report on the string
      } catch {
        continue;
      }
    }
    if (!isPlainObject(body)) continue;
    for (const s of listItems(body.Statement, [...doc.path, 'Statement'], template, true)) {
      if (isPlainObject(s.value)) checkStatement(context, s.value, located ? s.path : doc.path, located, owner);
    }
  }
}

/** One statement: Allow with every action (or NotAction) on every resource (or NotResource). */
function checkStatement(context: RuleContext, statement: { [key: string]: unknown }, path: TemplatePath, located: boolean, owner: string): void {
  const template = context.template;
  const at = (key: string) => (located ? [...path, key] : path);
  const allows = alternatives(statement.Effect, at('Effect'), template).some((e) => typeof e.value === 'string' && e.value.toLowerCase() === 'allow');
  if (!allows) return;
  const values = (key: string) => listItems(statement[key], at(key), template, true);
  const everyAction = values('Action').find((a) => a.value === '*' || a.value === '*:*');
  const everyResource = values('Resource').some((r) => r.value === '*');
  const hasNotAction = statement.NotAction !== undefined;
  const hasNotResource = statement.NotResource !== undefined;
  if (everyAction && everyResource) {
    context.report({ path: located ? everyAction.path : path, messageId: 'wildcard', data: { action: String(everyAction.value), owner } });
  } else if (hasNotAction && (everyResource || hasNotResource)) {
    context.report({ path: at('NotAction'), messageId: 'notAction', data: { resources: everyResource ? 'every resource' : 'every resource not listed in NotResource' } });
  } else if (everyAction && hasNotResource) {
    context.report({ path: at('NotResource'), messageId: 'notResource', data: { owner } });
  }
}
