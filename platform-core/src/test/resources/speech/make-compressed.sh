#!/bin/sh
# Makes the compressed-audio fixtures under compressed/: the sentence in sentence.txt in each container phones,
# browsers and messengers send, and hostile files the decoder must refuse. Needs espeak-ng (Debian: apt-get install
# -y espeak-ng) and the static ffmpeg the platform itself runs, taken from the jave-nativebin-linux64 jar in the local
# Maven repository (./mvnw -pl platform-core -am test-compile fetches it). Run from this folder. Each file < 200 KB.
set -eu
cd "$(dirname "$0")"
JAR="$HOME/.m2/repository/ws/schild/jave-nativebin-linux64/3.5.0/jave-nativebin-linux64-3.5.0.jar"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
unzip -q -o "$JAR" ws/schild/jave/nativebin/ffmpeg-amd64 -d "$WORK"
FFMPEG="$WORK/ws/schild/jave/nativebin/ffmpeg-amd64"
chmod +x "$FFMPEG"
ff() { "$FFMPEG" -hide_banner -loglevel error -y "$@"; }

mkdir -p compressed
rm -f compressed/*
espeak-ng -v en-us -s 150 -w "$WORK/source.wav" "$(cat sentence.txt)"

# What each sender records, as they record it.
ff -i "$WORK/source.wav" -ar 48000 -ac 1 -c:a libopus -b:a 32k compressed/chrome-opus.webm   # MediaRecorder, Chrome
ff -i "$WORK/source.wav" -ar 48000 -ac 1 -c:a libopus -b:a 24k compressed/voice-note-opus.ogg  # Firefox, WhatsApp
ff -i "$WORK/source.wav" -ar 44100 -ac 1 -c:a aac -b:a 64k compressed/voice-memo-aac.m4a       # Safari, iPhone memo
ff -i "$WORK/source.wav" -ar 8000 -ac 1 -c:a libopencore_amrnb -b:a 12.2k compressed/mms.amr    # MMS
ff -i "$WORK/source.wav" -ar 44100 -ac 2 -c:a libmp3lame -b:a 64k compressed/stereo.mp3
ff -i "$WORK/source.wav" -ar 16000 -ac 1 -c:a flac compressed/lossless.flac

# Hostile or corrupt files: each must be refused with its reason, its bytes kept.
# Cut short in the middle of a page.
head -c 3000 compressed/voice-note-opus.ogg > compressed/truncated-opus.ogg
# A WebM header followed by noise.
{ head -c 64 compressed/chrome-opus.webm; head -c 20000 /dev/urandom; } > compressed/wrong-header.webm
# Three hours of silence in 27 KB (FLAC's largest frames): decoded, 170 MB of samples.
ff -f lavfi -i anullsrc=r=8000:cl=mono -t 10800 -c:a flac -frame_size 65535 compressed/three-hours-of-silence.flac
# An MP4 that claims to be a voice memo but holds only pictures.
ff -f lavfi -i testsrc=size=64x48:rate=5 -t 2 -c:v mpeg4 -q:v 31 -f mp4 compressed/no-sound.m4a

ls -l compressed
