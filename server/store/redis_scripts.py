"""Lua scripts of the Redis store.

Every room script gets the same KEYS list (see `ROOM_KEYS`): all of them share the room's
hash tag, so in Redis Cluster they live in one slot and one script can touch them all.
Scripts that may start a room's history call `ensure_epoch`, which makes a new epoch (and
drops history-bound keys) when the room's meta hash is gone: Redis restarted empty, or the
history TTL ran out. Time inside scripts is Redis's own `TIME`, so nodes' clocks never
disagree about presence expiry.
"""

from __future__ import annotations

# Order matters: the Lua preamble below names KEYS by these positions.
ROOM_KEYS: tuple[str, ...] = (
    "meta",      # hash: seq, epoch
    "hist",      # stream: entry id "<seq>-0", field p = the published msg payload
    "removed",   # zset: removed seqs (score = seq)
    "cid:",      # prefix of dedupe keys: cid:<epoch>:<member>:<cid> -> seq
    "react",     # hash: "<seq>:<emoji>:<member>" -> 1
    "rcount",    # hash: "<seq>:<emoji>" -> count
    "first",     # hash: member -> first-seen seq
    "names",     # hash: casefolded name -> member
    "nameof",    # hash: member -> "<casefolded>\n<name>"
    "agreed",    # set of members
    "pres",      # zset: "<member>\n<conn>" -> expiry (ms, Redis time)
    "pmem",      # hash: member -> member JSON
    "mutes",     # hash: member -> mute JSON
    "bans",      # hash: member -> reason
    "held",      # hash: held id -> held JSON
    "state",     # string: RoomState JSON with version
    "audit",     # list of audit JSON entries
    "config",    # string: RoomConfig JSON
    "attn",      # hash: attention item id -> frame JSON (alerts and reports for facilitators)
)

_PREAMBLE = "\n".join(f"local K_{name.rstrip(':').upper()} = KEYS[{i + 1}]" for i, name in enumerate(ROOM_KEYS)) + r"""
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function seq_of(id)
  return tonumber(string.match(id, '^(%d+)'))
end
local function ensure_epoch(fresh, ttl)
  local e = redis.call('HGET', K_META, 'epoch')
  if e then return e end
  -- A new epoch: whatever history-bound state is left belongs to the old one.
  redis.call('DEL', K_HIST, K_REMOVED, K_REACT, K_RCOUNT, K_FIRST)
  redis.call('HSET', K_META, 'epoch', fresh)
  redis.call('PEXPIRE', K_META, ttl)
  return fresh
end
local function is_removed(seq)
  return redis.call('ZSCORE', K_REMOVED, seq) ~= false
end
local function retained(seq)
  return #redis.call('XRANGE', K_HIST, seq .. '-0', seq .. '-0') > 0
end
"""

# ARGV: fresh_epoch, ttl_ms, retain, member, cid ('' = none), prefix, suffix, channel,
#       sharded ('1'/'0'), dedupe_ttl_s
APPEND = _PREAMBLE + r"""
local ttl = tonumber(ARGV[2])
local epoch = ensure_epoch(ARGV[1], ttl)
local cidkey = nil
if ARGV[5] ~= '' then
  cidkey = K_CID .. epoch .. ':' .. ARGV[4] .. ':' .. ARGV[5]
  local seen = redis.call('GET', cidkey)
  if seen then
    local e = redis.call('XRANGE', K_HIST, seen .. '-0', seen .. '-0')
    if #e > 0 then return {1, e[1][2][2]} end
  end
end
local seq = redis.call('HINCRBY', K_META, 'seq', 1)
local payload = ARGV[6] .. cmsgpack.pack(seq) .. ARGV[7]
redis.call('XADD', K_HIST, 'MAXLEN', ARGV[3], seq .. '-0', 'p', payload)
local oldest = redis.call('XRANGE', K_HIST, '-', '+', 'COUNT', 1)
if #oldest > 0 then
  redis.call('ZREMRANGEBYSCORE', K_REMOVED, '-inf', '(' .. seq_of(oldest[1][1]))
end
redis.call('PEXPIRE', K_META, ttl)
redis.call('PEXPIRE', K_HIST, ttl)
if cidkey then redis.call('SET', cidkey, seq, 'EX', ARGV[10]) end
if ARGV[9] == '1' then
  redis.call('SPUBLISH', ARGV[8], payload)
else
  redis.call('PUBLISH', ARGV[8], payload)
end
return {0, payload}
"""

# ARGV: member, cid.  Returns the payload of the message sent with this cid, if remembered.
FIND_CID = _PREAMBLE + r"""
local epoch = redis.call('HGET', K_META, 'epoch')
if not epoch then return false end
local seen = redis.call('GET', K_CID .. epoch .. ':' .. ARGV[1] .. ':' .. ARGV[2])
if not seen then return false end
local e = redis.call('XRANGE', K_HIST, seen .. '-0', seen .. '-0')
if #e == 0 then return false end
return e[1][2][2]
"""

# ARGV: fresh_epoch, ttl_ms
EPOCH = _PREAMBLE + r"""
return ensure_epoch(ARGV[1], tonumber(ARGV[2]))
"""

# ARGV: after, limit.  Returns {latest, oldest, payload (newest first)...}
HISTORY = _PREAMBLE + r"""
local after = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local latest = tonumber(redis.call('HGET', K_META, 'seq') or '0')
local oldest = 0
local first = redis.call('XRANGE', K_HIST, '-', '+', 'COUNT', 1)
if #first > 0 then oldest = seq_of(first[1][1]) end
local out = {latest, oldest}
if limit <= 0 then return out end
local nrem = redis.call('ZCOUNT', K_REMOVED, '(' .. after, '+inf')
local entries = redis.call('XREVRANGE', K_HIST, '+', '(' .. after .. '-0', 'COUNT', limit + nrem)
local n = 0
for _, e in ipairs(entries) do
  if n >= limit then break end
  if not is_removed(seq_of(e[1])) then
    out[#out + 1] = e[2][2]
    n = n + 1
  end
end
return out
"""

# ARGV: seq, before.  Returns payloads newest first (empty when seq is unknown/removed).
CONTEXT = _PREAMBLE + r"""
local seq = tonumber(ARGV[1])
local before = tonumber(ARGV[2])
if is_removed(seq) or not retained(seq) then return {} end
local nrem = redis.call('ZCOUNT', K_REMOVED, '-inf', seq)
local entries = redis.call('XREVRANGE', K_HIST, seq .. '-0', '-', 'COUNT', before + 1 + nrem)
local out = {}
for _, e in ipairs(entries) do
  if #out > before then break end
  if not is_removed(seq_of(e[1])) then out[#out + 1] = e[2][2] end
end
return out
"""

# ARGV: seq, member, emoji, ttl_ms
REACT = _PREAMBLE + r"""
local seq = tonumber(ARGV[1])
if is_removed(seq) or not retained(seq) then return false end
local field = seq .. ':' .. ARGV[3]
if redis.call('HSETNX', K_REACT, field .. ':' .. ARGV[2], 1) == 1 then
  redis.call('HINCRBY', K_RCOUNT, field, 1)
end
redis.call('PEXPIRE', K_REACT, ARGV[4])
redis.call('PEXPIRE', K_RCOUNT, ARGV[4])
return tonumber(redis.call('HGET', K_RCOUNT, field))
"""

# ARGV: seq
REMOVE = _PREAMBLE + r"""
local seq = tonumber(ARGV[1])
if is_removed(seq) or not retained(seq) then return 0 end
redis.call('ZADD', K_REMOVED, seq, seq)
redis.call('PEXPIRE', K_REMOVED, math.max(redis.call('PTTL', K_HIST), 1000))
return 1
"""

# ARGV: member, seq, fresh_epoch, ttl_ms
FIRST_SEEN = _PREAMBLE + r"""
ensure_epoch(ARGV[3], tonumber(ARGV[4]))
redis.call('HSETNX', K_FIRST, ARGV[1], ARGV[2])
redis.call('PEXPIRE', K_FIRST, ARGV[4])
return tonumber(redis.call('HGET', K_FIRST, ARGV[1]))
"""

# ARGV: member, folded name, name
CLAIM_NAME = _PREAMBLE + r"""
local holder = redis.call('HGET', K_NAMES, ARGV[2])
if holder and holder ~= ARGV[1] then return 0 end
local prev = redis.call('HGET', K_NAMEOF, ARGV[1])
if prev then
  local pk = string.match(prev, '^(.-)\n')
  if pk ~= ARGV[2] then redis.call('HDEL', K_NAMES, pk) end
end
redis.call('HSET', K_NAMES, ARGV[2], ARGV[1])
redis.call('HSET', K_NAMEOF, ARGV[1], ARGV[2] .. '\n' .. ARGV[3])
return 1
"""

_LIVE = r"""
local function live_entries(now)
  redis.call('ZREMRANGEBYSCORE', K_PRES, '-inf', now)
  return redis.call('ZRANGE', K_PRES, 0, -1)
end
local function member_of(entry)
  return string.match(entry, '^(.-)\n')
end
"""

# ARGV: member, member JSON, conn, ttl_ms
PRESENCE_ADD = _PREAMBLE + _LIVE + r"""
local now = now_ms()
local prefix = ARGV[1] .. '\n'
local live = live_entries(now)
local first = 1
local members = {}
for _, e in ipairs(live) do
  members[member_of(e)] = true
  if string.sub(e, 1, #prefix) == prefix then first = 0 end
end
redis.call('ZADD', K_PRES, now + tonumber(ARGV[4]), prefix .. ARGV[3])
redis.call('HSET', K_PMEM, ARGV[1], ARGV[2])
-- members of a node that died without cleaning up: forget them once their entries expired
if redis.call('HLEN', K_PMEM) > #live + 16 then
  for _, m in ipairs(redis.call('HKEYS', K_PMEM)) do
    if m ~= ARGV[1] and not members[m] then redis.call('HDEL', K_PMEM, m) end
  end
end
return first
"""

# ARGV: member, conn.  Returns the member JSON when it was the member's last connection.
PRESENCE_REMOVE = _PREAMBLE + _LIVE + r"""
local prefix = ARGV[1] .. '\n'
redis.call('ZREM', K_PRES, prefix .. ARGV[2])
for _, e in ipairs(live_entries(now_ms())) do
  if string.sub(e, 1, #prefix) == prefix then return false end
end
local j = redis.call('HGET', K_PMEM, ARGV[1])
redis.call('HDEL', K_PMEM, ARGV[1])
return j
"""

# Returns member JSON of every member with a live connection.
PRESENCE = _PREAMBLE + _LIVE + r"""
local seen = {}
local ids = {}
for _, e in ipairs(live_entries(now_ms())) do
  local m = member_of(e)
  if not seen[m] then seen[m] = true; ids[#ids + 1] = m end
end
if #ids == 0 then return {} end
local out = {}
for _, j in ipairs(redis.call('HMGET', K_PMEM, unpack(ids))) do
  if j then out[#out + 1] = j end
end
return out
"""

# ARGV: ttl_ms, then triples (member, member JSON, conn): this node's live connections.
PRESENCE_REFRESH = _PREAMBLE + r"""
local expires = now_ms() + tonumber(ARGV[1])
for i = 2, #ARGV, 3 do
  redis.call('ZADD', K_PRES, expires, ARGV[i] .. '\n' .. ARGV[i + 2])
  redis.call('HSET', K_PMEM, ARGV[i], ARGV[i + 1])
end
return 1
"""

# ARGV: expected version, new state JSON
CAS_STATE = _PREAMBLE + r"""
local cur = redis.call('GET', K_STATE)
local v = 0
if cur then v = tonumber(cjson.decode(cur).version) or 0 end
if v ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', K_STATE, ARGV[2])
return 1
"""

# ARGV: held id
TAKE_HELD = _PREAMBLE + r"""
local h = redis.call('HGET', K_HELD, ARGV[1])
if h then redis.call('HDEL', K_HELD, ARGV[1]) end
return h
"""

# ARGV: item id
TAKE_ATTENTION = _PREAMBLE + r"""
local h = redis.call('HGET', K_ATTN, ARGV[1])
if h then redis.call('HDEL', K_ATTN, ARGV[1]) end
return h
"""

# ARGV: item id, frame JSON, keep
ADD_ATTENTION = _PREAMBLE + r"""
redis.call('HSET', K_ATTN, ARGV[1], ARGV[2])
local n = redis.call('HLEN', K_ATTN)
if n > tonumber(ARGV[3]) then
  -- Over the bound: drop the oldest (ids sort by time).
  local ids = redis.call('HKEYS', K_ATTN)
  table.sort(ids)
  for i = 1, n - tonumber(ARGV[3]) do redis.call('HDEL', K_ATTN, ids[i]) end
end
return 1
"""

# ARGV: fresh epoch, ttl_ms
PURGE = _PREAMBLE + r"""
redis.call('DEL', K_HIST, K_REMOVED, K_REACT, K_RCOUNT, K_FIRST, K_NAMES, K_NAMEOF, K_AGREED,
  K_MUTES, K_HELD, K_ATTN)
local cur = redis.call('GET', K_STATE)
local v = 0
if cur then v = tonumber(cjson.decode(cur).version) or 0 end
redis.call('SET', K_STATE, string.format(
  '{"phase":"open","slow":0,"pinned":null,"floor":null,"queue":[],"version":%d}', v + 1))
redis.call('HSET', K_META, 'epoch', ARGV[1])
redis.call('PEXPIRE', K_META, ARGV[2])
return ARGV[1]
"""

# ARGV: entry JSON, keep
AUDIT = _PREAMBLE + r"""
redis.call('RPUSH', K_AUDIT, ARGV[1])
redis.call('LTRIM', K_AUDIT, -tonumber(ARGV[2]), -1)
return 1
"""

# -- counters: one key each, any slot ------------------------------------------------------------
# KEYS: bucket.  ARGV: rate, burst, now_ms
TAKE = r"""
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local h = redis.call('HMGET', KEYS[1], 't', 'a')
local tokens = tonumber(h[1]) or burst
local at = tonumber(h[2]) or now
tokens = math.min(burst, tokens + (now - at) / 1000.0 * rate)
local ttl = math.ceil(burst / rate * 1000) + 1000
local wait = 0
if tokens >= 1.0 then
  tokens = tokens - 1.0
else
  wait = math.floor((1.0 - tokens) / rate * 1000) + 1
end
redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'a', now)
redis.call('PEXPIRE', KEYS[1], ttl)
return wait
"""

# KEYS: key.  ARGV: seconds, now_ms
GAP = r"""
local span = tonumber(ARGV[1]) * 1000
local now = tonumber(ARGV[2])
local last = tonumber(redis.call('GET', KEYS[1]))
if last and now - last < span then return span - (now - last) end
redis.call('SET', KEYS[1], now, 'PX', math.max(span, 1))
return 0
"""
