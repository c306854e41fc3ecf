import fc from 'fast-check';
import { pathParamNames, routes, type RouteName } from '@shared/contract';
import { anyHostile, EXTRA_KEYS, HOSTILE_PATH_PARAMS, hostileNumber, hostileRawBodies, hostileString, hostileStructure, objectWith, PhotoRef, toJson, type PhotoKind } from './hostile';
import { objectKeysOf } from './oracle';
import type { World } from './world';

/**
 * One generated request of the contract fuzzer: who calls, with which path parameters, query and body. Most start
 * from the route's valid example and spoil one or a few things in it, so that the spoiled value is the only thing
 * wrong and travels as far into the use case as it can; the rest send whole bodies that are not objects, are too
 * big, or are hostile in every field.
 */
export type Path = (string | number)[];

export type BodyPlan = { kind: 'none' } | { kind: 'json'; value: unknown; how: string } | { kind: 'raw'; text: string; how: string };

export interface FuzzRequest {
  route: RouteName;
  caller: string;
  /** undefined: the parameter is missing from the event. */
  params: Record<string, string | undefined>;
  /** Put the values in the event as they are, instead of percent-encoded as API Gateway passes them. */
  rawParams: boolean;
  /** As API Gateway passes it: strings only; undefined when the request has none. */
  query?: Record<string, string>;
  body: BodyPlan;
  /** Send the body base64-encoded (isBase64Encoded), as API Gateway does for binary content types. */
  base64: boolean;
}

const PHOTO_KINDS: PhotoKind[] = ['png', 'empty', 'not-an-image', 'png-named-jpg', 'too-big', 'other-users', 'never-uploaded'];

function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return objectWith(Object.keys(value).map((key) => [key, clone(Object.getOwnPropertyDescriptor(value, key)!.value)])) as T;
  }
  return value;
}

function valueAt(root: unknown, path: Path): unknown {
  let current: any = root;
  for (const step of path) current = current == null ? undefined : Object.getOwnPropertyDescriptor(current, step)?.value;
  return current;
}

function containerAt(root: unknown, path: Path): any {
  return path.length === 0 ? root : valueAt(root, path);
}

/** An array or plain object of the copy (a hostile value put there by an earlier change is left as it is). */
const isCopied = (value: unknown): value is Record<string | number, unknown> =>
  Array.isArray(value) || (!!value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype);

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = clone(root);
  const parent = containerAt(copy, path.slice(0, -1));
  if (isCopied(parent) && !Object.isFrozen(parent)) Object.defineProperty(parent, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function deleteAt(root: unknown, path: Path): unknown {
  const copy = clone(root);
  const parent = containerAt(copy, path.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(Number(path.at(-1)), 1);
  else if (isCopied(parent)) delete parent[path.at(-1)!];
  return copy;
}

/** Every place in a value: leaves (strings, numbers, booleans), containers (objects, arrays), and objects (the root too). */
function placesOf(value: unknown): { leaves: Path[]; containers: Path[]; objects: Path[] } {
  const found = { leaves: [] as Path[], containers: [] as Path[], objects: [[]] as Path[] };
  const walk = (v: unknown, path: Path) => {
    if (Array.isArray(v)) {
      if (path.length) found.containers.push(path);
      v.forEach((item, i) => walk(item, [...path, i]));
    } else if (v && typeof v === 'object') {
      if (path.length) {
        found.containers.push(path);
        found.objects.push(path);
      }
      for (const key of Object.keys(v)) walk((v as Record<string, unknown>)[key], [...path, key]);
    } else if (path.length) found.leaves.push(path);
  };
  walk(value, []);
  return found;
}

const photoRef = fc.constantFrom(...PHOTO_KINDS).map((kind) => new PhotoRef(kind));
const photoList = fc.oneof({ weight: 3, arbitrary: photoRef.map((ref) => [ref]) }, { weight: 1, arbitrary: fc.array(photoRef, { minLength: 2, maxLength: 4 }) });

/** A hostile value for one place, most often of the type the place holds (it then gets furthest). */
function hostileFor(path: Path, current: unknown, world: World): fc.Arbitrary<unknown> {
  const last = path.at(-1);
  const options: fc.WeightedArbitrary<unknown>[] = [{ weight: 2, arbitrary: anyHostile }];
  if (typeof current === 'number') options.push({ weight: 6, arbitrary: hostileNumber });
  else if (typeof current === 'string') options.push({ weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: fc.constantFrom(...world.realIds) });
  else if (typeof current === 'boolean') options.push({ weight: 3, arbitrary: fc.constantFrom<unknown>(0, 1, 'true', 'false', '', null, [], {}) });
  else if (Array.isArray(current))
    options.push({
      weight: 3,
      arbitrary: fc.oneof(
        fc.constant([]),
        fc.integer({ min: 2, max: 40 }).map((n) => Array.from({ length: n }, () => clone(current[0]))),
        fc.array(anyHostile, { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom(...world.realIds), { minLength: 1, maxLength: 25 }),
      ),
    });
  else if (current && typeof current === 'object') options.push({ weight: 2, arbitrary: hostileStructure });
  if (last === 'photos') options.push({ weight: 8, arbitrary: photoList });
  if (path.includes('photos') && typeof last === 'number') options.push({ weight: 8, arbitrary: photoRef });
  if (last === 'requestId') options.push({ weight: 2, arbitrary: fc.constantFrom(...world.usedRequestIds) });
  return fc.oneof(...options);
}

const requestIdArb = fc.stringMatching(/^fz[A-Za-z0-9_-]{14}$/);

function bodyPlans(route: RouteName, world: World): fc.Arbitrary<BodyPlan> {
  const spec = routes[route];
  const raw = hostileRawBodies(world.maxBodyBytes).map(({ text, label }): BodyPlan => ({ kind: 'raw', text, how: `raw body: ${label}` }));
  if (!('body' in spec)) {
    return fc.oneof({ weight: 6, arbitrary: fc.constant<BodyPlan>({ kind: 'none' }) }, { weight: 1, arbitrary: raw }, { weight: 1, arbitrary: anyHostile.map((value): BodyPlan => ({ kind: 'json', value, how: 'a body where none is expected' })) });
  }
  const schemaKeys = objectKeysOf(spec.body);
  const base = requestIdArb.map((requestId) => world.example(route, requestId).body ?? {});
  const withPlaces = base.map((value) => ({ value, places: placesOf(value) }));
  const placeArb = ({ value, places }: { value: unknown; places: ReturnType<typeof placesOf> }) => {
    // the optional fields the example leaves out count as leaves: they are where an unchecked value would hide
    const absent = schemaKeys.filter((key) => !(key in (value as object))).map((key): Path => [key]);
    const leaves = [...places.leaves, ...absent];
    return fc.oneof(
      { weight: 3, arbitrary: leaves.length ? fc.constantFrom(...leaves) : fc.constant<Path>([schemaKeys[0] ?? 'x']) },
      { weight: 1, arbitrary: places.containers.length ? fc.constantFrom(...places.containers) : fc.constant<Path>([schemaKeys[0] ?? 'x']) },
    );
  };
  const mutation = (value: unknown, places: ReturnType<typeof placesOf>) => placeArb({ value, places }).chain((path) => hostileFor(path, valueAt(value, path), world).map((v) => [path, v] as const));
  const label = (path: Path) => path.join('.');

  const mutateOne = withPlaces.chain(({ value, places }) => mutation(value, places).map(([path, v]): BodyPlan => ({ kind: 'json', value: setAt(value, path, v), how: `one field spoiled: ${label(path)}` })));
  const mutateSome = withPlaces.chain(({ value, places }) =>
    fc.array(mutation(value, places), { minLength: 2, maxLength: 4 }).map((changes): BodyPlan => ({
      kind: 'json',
      value: changes.reduce<unknown>((acc, [path, v]) => setAt(acc, path, v), value),
      how: `fields spoiled: ${changes.map(([path]) => label(path)).join(', ')}`,
    })),
  );
  const extraKeys = withPlaces.chain(({ value, places }) =>
    fc
      .array(fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.constant<Path>([]) }, { weight: 1, arbitrary: fc.constantFrom(...places.objects) }), fc.constantFrom(...EXTRA_KEYS), anyHostile), { minLength: 1, maxLength: 3 })
      .map((extras): BodyPlan => ({
        kind: 'json',
        value: extras.reduce<unknown>((acc, [at, key, v]) => setAt(acc, [...at, key], v), value),
        how: `unknown fields added: ${extras.map(([at, key]) => label([...at, key])).join(', ')}`,
      })),
  );
  const dropOne = withPlaces.chain(({ value, places }) => placeArb({ value, places }).map((path): BodyPlan => ({ kind: 'json', value: deleteAt(value, path), how: `field removed: ${label(path)}` })));
  const allHostile = fc
    .tuple(...(schemaKeys.length ? schemaKeys : ['x']).map(() => anyHostile))
    .map((values): BodyPlan => ({ kind: 'json', value: objectWith((schemaKeys.length ? schemaKeys : ['x']).map((key, i) => [key, values[i]])), how: 'every field hostile' }));
  const valid = base.map((value): BodyPlan => ({ kind: 'json', value, how: 'the valid example' }));

  return fc.oneof(
    { weight: 10, arbitrary: mutateOne },
    { weight: 2, arbitrary: mutateSome },
    { weight: 3, arbitrary: extraKeys },
    { weight: 1, arbitrary: dropOne },
    { weight: 1, arbitrary: allHostile },
    { weight: 1, arbitrary: raw },
    { weight: 1, arbitrary: valid },
  );
}

const hostileQueryValue = hostileString.filter((s) => s.length < 20_000);

function queryPlans(route: RouteName, world: World): fc.Arbitrary<Record<string, string> | undefined> {
  const spec = routes[route];
  const randomQuery = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 8 })), hostileQueryValue), { maxLength: 4 }).map((entries) => Object.fromEntries(entries));
  if (!('query' in spec)) return fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: randomQuery });
  const base = world.example(route, 'unused').query ?? {};
  const keys = [...new Set([...Object.keys(base), ...objectKeysOf(spec.query)])];
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(base) },
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...keys), hostileQueryValue).map(([key, value]) => ({ ...base, [key]: value })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...EXTRA_KEYS), hostileQueryValue).map(([key, value]) => Object.fromEntries([...Object.entries(base), [key, value]])) },
    { weight: 1, arbitrary: fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key))) },
    { weight: 1, arbitrary: randomQuery },
  );
}

function paramPlans(route: RouteName, world: World): fc.Arbitrary<Record<string, string | undefined>> {
  const names = pathParamNames(routes[route].path);
  const one = (name: string) => {
    const real = world.realParams(route, name);
    return fc.oneof(
      { weight: 12, arbitrary: real.length ? fc.constantFrom(...real) : fc.constantFrom(...world.realIds) },
      { weight: 2, arbitrary: fc.constantFrom<string | undefined>(...HOSTILE_PATH_PARAMS, undefined) },
      { weight: 1, arbitrary: fc.constantFrom(...world.realIds) },
      { weight: 1, arbitrary: fc.constantFrom(...(real.length ? real : world.realIds)).map((id) => id.toLowerCase()) },
      { weight: 1, arbitrary: hostileString.filter((s) => s.length <= 4096) },
    );
  };
  return fc.tuple(...names.map(one)).map((values) => Object.fromEntries(names.map((name, i) => [name, values[i]])));
}

/** Requests for one route, from callers it admits (most often) and from everyone else. */
export function requestsFor(route: RouteName, world: World): fc.Arbitrary<FuzzRequest> {
  const spec = routes[route];
  const callers = world.callersOf(route);
  const admitted = callers.filter((c) => spec.roles === 'public' || (c.role !== undefined && (spec.roles as readonly string[]).includes(c.role))).map((c) => c.label);
  const caller = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...(admitted.length ? admitted : ['anonymous'])) }, { weight: 1, arbitrary: fc.constantFrom(...callers.map((c) => c.label)) });
  return fc
    .record({
      route: fc.constant(route),
      caller,
      params: paramPlans(route, world),
      rawParams: fc.boolean(),
      query: queryPlans(route, world),
      body: bodyPlans(route, world),
      base64: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    })
    // fast-check prints a counterexample with this: long runs shortened (a 60 KB string would fill the screen)
    .map((request) => Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) }));
}

const shorten = (text: string, max = 160) => {
  const runs = text.replace(/(.)\1{15,}/gsu, (run, ch: string) => `‹${JSON.stringify(ch).slice(1, -1)}×${[...run].length}›`);
  return runs.length > max ? `${runs.slice(0, max)}…(${runs.length} chars)` : runs;
};

/** A request in a line or two, long runs shortened, for failure reports. */
export function describeRequest(request: FuzzRequest, sentBody?: string): string {
  const planned = request.body.kind === 'raw' ? request.body.text : request.body.kind === 'json' ? toJson(request.body.value) : '';
  const body = request.body.kind === 'none' ? 'no body' : `${request.body.how}: ${shorten(sentBody ?? planned, 400)}`;
  return [
    `${routes[request.route].method} ${routes[request.route].path} (${request.route}) as ${request.caller}`,
    `params ${shorten(JSON.stringify(request.params), 300)}${request.rawParams ? ' (unencoded)' : ''}`,
    `query ${request.query ? shorten(JSON.stringify(request.query), 300) : 'none'}`,
    `${body}${request.base64 ? ' (base64)' : ''}`,
  ].join('\n    ');
}
