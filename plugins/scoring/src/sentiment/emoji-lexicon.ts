/**
 * Emoji valences on VADER's -4..4 scale, shared by the Chinese and English analysers, as emoji are
 * used in mentions rather than as they are named: 😭 and 😂 follow joy as often as grief, so they
 * count for little. Written without the variation selector (U+FE0F), which the analysers skip.
 */
export const emojiValences =
  '👍 2|❤ 2.5|♥ 2.5|💕 2.5|💖 2.5|💯 2|😍 3|🥰 3|🤩 3|😊 2|😄 2|😁 2|😀 1.5|🙂 1|😃 2|🥳 2.5|🎉 2|' +
  '🔥 1.5|✨ 1|🙏 1.5|👏 2|🙌 2|💪 1.5|👌 1.5|✅ 1|😋 2|🤤 1.5|😎 1.5|⭐ 1|🌟 1.5|💚 2|💙 2|💜 2|🧡 2|' +
  '💛 2|😂 0.3|🤣 0.5|😭 -0.3|😡 -3|😠 -2.5|🤬 -3.5|💩 -2|👎 -2|🙄 -1.5|🙃 -0.5|😤 -2|🤮 -3|🤢 -2.5|' +
  '😒 -2|😞 -2|😔 -1.5|😢 -2|😩 -2|😫 -2|😑 -1|😐 -0.5|😕 -1.5|😬 -1|🤦 -2|😓 -1.5|😣 -2|😖 -2|' +
  '💔 -2.5|🤡 -2|😱 -1.5|❌ -1|⚠ -0.5';

/** Emoji that mark a post as ironic: the praise around them means the opposite ("Fantastic. 🙄"). */
export const ironicEmoji = '🙄|🙃';
